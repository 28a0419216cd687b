package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlTextTest {
    @Test
    void doubleQuotedTextIsSingleQuotedOutsideCommentsTextAndNames() {
        assertThat(DdlText.doubleQuotesAsSingle("ALTER TABLE t ADD c VARCHAR(9) DEFAULT \"it's\" COMMENT 'a \"b\"'"))
                .isEqualTo("ALTER TABLE t ADD c VARCHAR(9) DEFAULT 'it''s' COMMENT 'a \"b\"'");
        assertThat(DdlText.doubleQuotesAsSingle("CREATE TABLE `x\"y` (a INT) /* \"n\" */ -- \"m\"\n/*!50100 \"v\" */"))
                .isEqualTo("CREATE TABLE `x\"y` (a INT) /* \"n\" */ -- \"m\"\n/*!50100 'v' */");
        assertThat(DdlText.doubleQuotesAsSingle("ALTER TABLE t ADD c CHAR(3) DEFAULT \"a\\\"b\"\"c\""))
                .isEqualTo("ALTER TABLE t ADD c CHAR(3) DEFAULT 'a\\\"b\"\"c'");
        assertThat(DdlText.doubleQuotesAsSingle("ALTER TABLE t ADD c INT")).isEqualTo("ALTER TABLE t ADD c INT");
    }

    @Test
    void aLineCommentEndingTheStatementGoesWhereverItStarts() {
        assertThat(DdlText.withoutTrailingLineComment("ALTER TABLE t ADD c INT -- why\n  "))
                .isEqualTo("ALTER TABLE t ADD c INT");
        assertThat(DdlText.withoutTrailingLineComment("ALTER TABLE t ADD c INT # why"))
                .isEqualTo("ALTER TABLE t ADD c INT");
        // inside text, followed by more of the statement, or -- without a space: not a comment that ends it
        assertThat(DdlText.withoutTrailingLineComment("ALTER TABLE t COMMENT 'a -- b'"))
                .isEqualTo("ALTER TABLE t COMMENT 'a -- b'");
        assertThat(DdlText.withoutTrailingLineComment("ALTER TABLE t -- why\nADD c INT"))
                .isEqualTo("ALTER TABLE t -- why\nADD c INT");
        assertThat(DdlText.withoutTrailingLineComment("ALTER TABLE t ADD c INT DEFAULT 1--1"))
                .isEqualTo("ALTER TABLE t ADD c INT DEFAULT 1--1");
    }
}
