package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnumMembersTest {
    @Test
    void aMembersTokenIsWhatTheServerWritesForItsValue() {
        assertThat(EnumMembers.token("it's")).isEqualTo("it''s");
        assertThat(EnumMembers.token("x\\y")).isEqualTo("x\\\\y");
        assertThat(EnumMembers.fromColumnType("enum('" + EnumMembers.token("it's") + "','" + EnumMembers.token("x\\y")
                + "')")).containsExactly("it''s", "x\\\\y");
    }

    @Test
    void debeziumsOptionEscapesCommasAndUnescapesQuotesOnly() {
        assertThat(EnumMembers.option("b,c")).isEqualTo("b\\,c");
        assertThat(EnumMembers.option("it''s")).isEqualTo("it's");
        assertThat(EnumMembers.option("q\\'r")).isEqualTo("q'r");
        assertThat(EnumMembers.option("x\\\\y")).isEqualTo("x\\\\y");
    }
}
