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

    @Test
    void theCurrentTimeIsTheEpochAndAnExpressionNoDefaultAsDebeziumsParserReadsShowCreateTable() {
        // as information_schema writes DEFAULT CURRENT_TIMESTAMP(3), DEFAULT NOW() and DEFAULT (now())
        assertThat(MySqlDefaults.of("CURRENT_TIMESTAMP(3)", "default_generated", "datetime", 0))
                .contains(SchemaReader.EPOCH_DEFAULT);
        assertThat(MySqlDefaults.of("CURRENT_TIMESTAMP", "default_generated on update current_timestamp", "timestamp",
                0)).contains(SchemaReader.EPOCH_DEFAULT);
        assertThat(MySqlDefaults.of("now()", "default_generated", "datetime", 0)).isEmpty();
        assertThat(MySqlDefaults.of("curdate()", "default_generated", "date", 0)).isEmpty();
    }
}
