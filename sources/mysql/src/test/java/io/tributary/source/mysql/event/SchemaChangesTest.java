package io.tributary.source.mysql.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaChangesTest {
    @Test
    void changeIdsQuoteNamesAsDebeziumDoes() {
        assertThat(SchemaChanges.quoted("t.bla")).isEqualTo("\"t.bla\"");
        assertThat(SchemaChanges.quoted("odd name")).isEqualTo("\"odd name\"");
        assertThat(SchemaChanges.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
        // a name that starts or ends with a double quote is taken as quoted already
        assertThat(SchemaChanges.quoted("\"ab")).isEqualTo("\"ab");
        assertThat(SchemaChanges.quoted("")).isEqualTo("\"\"");
    }
}
