package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkKeyTest {
    @Test
    void encodedValuesSurviveCommasTabsPercentSignsAndEmoji() {
        assertThat(ChunkKey.decode("tab%09here,comma%2Chere,per%25cent,emoji 😀")).containsExactly("tab\there",
                "comma,here", "per%cent", "emoji 😀");
        assertThat(ChunkKey.decode("")).containsExactly("");
        assertThat(ChunkKey.decode("a,")).containsExactly("a", "");
    }
}
