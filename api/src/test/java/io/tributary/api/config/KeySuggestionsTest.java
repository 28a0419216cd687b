package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
    private static final List<String> KEYS = List.of("snapshot.mode", "snapshot.fetch.size", "database.hostname",
            "database.port", "directory", "rest.port", "sinks");

    @Test
    void swappedNeighboursCountAsOneEdit() {
        assertThat(KeySuggestions.closest("snapshot.mdoe", KEYS)).contains("snapshot.mode");
        assertThat(KeySuggestions.closest("database.hostnmae", KEYS)).contains("database.hostname");
        assertThat(KeySuggestions.closest("directroy", KEYS)).contains("directory");
    }

    @Test
    void insertedDeletedAndReplacedLettersAreFound() {
        assertThat(KeySuggestions.closest("snapshot.modes", KEYS)).contains("snapshot.mode");
        assertThat(KeySuggestions.closest("databse.hostname", KEYS)).contains("database.hostname");
        assertThat(KeySuggestions.closest("rest.prot", KEYS)).contains("rest.port");
        assertThat(KeySuggestions.closest("database.pert", KEYS)).contains("database.port");
    }

    @Test
    void shortKeysAllowOneEditAndDistantKeysNone() {
        assertThat(KeySuggestions.closest("snks", KEYS)).contains("sinks");
        assertThat(KeySuggestions.closest("snk", KEYS)).isEmpty();
        assertThat(KeySuggestions.closest("column.mask.with.5.chars", KEYS)).isEmpty();
        assertThat(KeySuggestions.closest("snapshot.mode", KEYS)).isEmpty();
    }

    @Test
    void theClosestOfSeveralCandidatesWins() {
        assertThat(KeySuggestions.closest("database.prt", List.of("database.part", "database.port", "database.pr")))
                .contains("database.part");
        assertThat(KeySuggestions.distance("snapshot.mdoe", "snapshot.mode")).isEqualTo(1);
        assertThat(KeySuggestions.distance("abc", "abc")).isZero();
        assertThat(KeySuggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void didYouMeanEndsAProblemMessage() {
        assertThat(KeySuggestions.didYouMean(java.util.Optional.of("snapshot.mode")))
                .isEqualTo("; did you mean snapshot.mode?");
        assertThat(KeySuggestions.didYouMean(java.util.Optional.empty())).isEmpty();
    }
}
