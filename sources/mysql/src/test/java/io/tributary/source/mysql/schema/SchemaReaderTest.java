package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SchemaReaderTest {
    @Test
    void enumAndSetMembersAreTheTokensAsWritten() {
        assertThat(SchemaReader.enumValues("enum('red','it''s','a,b','x\\\\y','q\\'r')"))
                .containsExactly("red", "it''s", "a,b", "x\\\\y", "q\\'r");
        assertThat(SchemaReader.enumValues("set('')")).containsExactly("");
    }

    @Test
    void mariaDbDefaultsAreUnquotedAndExpressionsDroppedButTheCurrentTimestamp() {
        SchemaReader mariaDb = new SchemaReader(true);

        assertThat(mariaDb.defaultValue("'x'")).contains("x");
        assertThat(mariaDb.defaultValue("NULL")).isEmpty();
        assertThat(mariaDb.defaultValue("42")).contains("42");
        assertThat(mariaDb.defaultValue("current_timestamp()")).contains("1970-01-01 00:00:00");
        assertThat(mariaDb.defaultValue("current_timestamp(3)")).contains("1970-01-01 00:00:00");
        assertThat(mariaDb.defaultValue("uuid()")).isEmpty();
        assertThat(mariaDb.defaultValue("'it''s'")).contains("it''s");
        assertThat(mariaDb.defaultValue(null)).isEqualTo(Optional.empty());
    }

    @Test
    void mySqlDefaultsAreTakenAsWritten() {
        assertThat(new SchemaReader(false).defaultValue("x")).contains("x");
    }
}
