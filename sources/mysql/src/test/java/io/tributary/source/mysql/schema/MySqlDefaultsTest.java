package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MySqlDefaultsTest {
    private static final String CREATE_TABLE = String.join("\n",
            "CREATE TABLE `defaults` (",
            "  `id` int NOT NULL,",
            "  `s_utf` varchar(5) DEFAULT 0xC39FF09F9880,",
            "  `q` varchar(5) DEFAULT 'a?',",
            "  PRIMARY KEY (`id`)",
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");

    @Test
    void aHexLiteralDefaultIsItsDigitsButTheLastAsDebeziumKeepsThem() {
        assertThat(MySqlDefaults.hexDefault(CREATE_TABLE, "s_utf")).contains("C39FF09F988");
    }

    @Test
    void aQuotedDefaultOrAnUnknownColumnIsNoHexDefault() {
        assertThat(MySqlDefaults.hexDefault(CREATE_TABLE, "q")).isEmpty();
        assertThat(MySqlDefaults.hexDefault(CREATE_TABLE, "none")).isEmpty();
    }
}
