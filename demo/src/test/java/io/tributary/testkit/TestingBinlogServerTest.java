package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestingBinlogServerTest {

    @Test
    void integersAreADerivedTableOfOneColumnCrossJoiningADigitTablePerDecimalPlace() {
        assertThat(TestingBinlogServer.integers(1)).isEqualTo("(SELECT 1 + 1 * d0.d AS n FROM (SELECT 0 AS d UNION ALL "
                + "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL "
                + "SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d0 WHERE 1 + 1 * d0.d <= 1) "
                + "AS integers");
        assertThat(TestingBinlogServer.integers(1000)).contains("AS d2").doesNotContain("AS d3")
                .endsWith("<= 1000) AS integers");
        assertThat(TestingBinlogServer.integers(1001)).contains("AS d3");
        assertThatThrownBy(() -> TestingBinlogServer.integers(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
