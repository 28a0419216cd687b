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

        assertThat(mariaDb.defaultValue("'x'", "", "varchar", 0)).contains("x");
        assertThat(mariaDb.defaultValue("NULL", "", "varchar", 0)).isEmpty();
        assertThat(mariaDb.defaultValue("42", "", "varchar", 0)).contains("42");
        assertThat(mariaDb.defaultValue("current_timestamp()", "", "varchar", 0)).contains("1970-01-01 00:00:00");
        assertThat(mariaDb.defaultValue("current_timestamp(3)", "", "varchar", 0)).contains("1970-01-01 00:00:00");
        assertThat(mariaDb.defaultValue("uuid()", "", "varchar", 0)).isEmpty();
        assertThat(mariaDb.defaultValue("'it''s'", "", "varchar", 0)).contains("it''s");
        assertThat(mariaDb.defaultValue(null, "", "int", 0)).isEqualTo(Optional.empty());
    }

    @Test
    void mySqlLiteralDefaultsAreEscapedAsShowCreateTableWritesThem() {
        SchemaReader mySql = new SchemaReader(false);

        assertThat(mySql.defaultValue("x", "", "varchar", 0)).contains("x");
        assertThat(mySql.defaultValue("it's a\\b", "", "varchar", 0)).contains("it''s a\\\\b");
        assertThat(mySql.defaultValue("a\nb\rc\0d\te", "", "varchar", 0)).contains("a\\nb\\rc\\0d\te");
        assertThat(mySql.defaultValue("b'101'", "", "bit", 0)).contains("b'101'");
        assertThat(mySql.defaultValue("12.5", "", "decimal", 0)).contains("12.5");
    }

    @Test
    void mySqlBinaryDefaultsAreTheirTextPaddedOrTheHexDigitsDebeziumKeeps() {
        SchemaReader mySql = new SchemaReader(false);

        assertThat(mySql.defaultValue("0x41", "", "varbinary", 4)).contains("A");
        // BINARY(3) DEFAULT 'ab' is shown as 'ab\0'
        assertThat(mySql.defaultValue("0x6162", "", "binary", 3)).contains("ab\\0");
        // not UTF-8: SHOW CREATE TABLE writes 0xC3FF, of which Debezium keeps C3F
        assertThat(mySql.defaultValue("0xC3FF", "", "varbinary", 4)).contains("C3F");
    }

    @Test
    void mySqlExpressionDefaultsAreDroppedButTheCurrentTimestamp() {
        SchemaReader mySql = new SchemaReader(false);

        assertThat(mySql.defaultValue("CURRENT_TIMESTAMP", "default_generated on update current_timestamp",
                "timestamp", 0)).contains("1970-01-01 00:00:00");
        assertThat(mySql.defaultValue("CURRENT_TIMESTAMP(3)", "default_generated", "datetime", 0))
                .contains("1970-01-01 00:00:00");
        assertThat(mySql.defaultValue("uuid()", "default_generated", "varchar", 0)).isEmpty();
        assertThat(mySql.defaultValue("json_array(1,_utf8mb4\\'a\\')", "default_generated", "json", 0)).isEmpty();
        assertThat(mySql.defaultValue("CURRENT_TIMESTAMP", "", "varchar", 0)).contains("CURRENT_TIMESTAMP");
    }
}
