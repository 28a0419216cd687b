package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SchemaReaderTest {
    @Test
    void enumAndSetValuesAreParsedWithQuotesAndCommas() {
        assertThat(SchemaReader.enumValues("enum('red','it''s','a,b')")).containsExactly("red", "it's", "a,b");
        assertThat(SchemaReader.enumValues("set('')")).containsExactly("");
    }

    @Test
    void mariaDbDefaultsAreUnquotedAndExpressionsDropped() {
        SchemaReader mariaDb = new SchemaReader(true);

        assertThat(mariaDb.defaultValue("'x'")).contains("x");
        assertThat(mariaDb.defaultValue("NULL")).isEmpty();
        assertThat(mariaDb.defaultValue("42")).contains("42");
        assertThat(mariaDb.defaultValue("current_timestamp()")).isEmpty();
        assertThat(mariaDb.defaultValue(null)).isEqualTo(Optional.empty());
    }

    @Test
    void mySqlDefaultsAreTakenAsWritten() {
        assertThat(new SchemaReader(false).defaultValue("x")).contains("x");
    }
}
