package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ConfigDefinitionTest {
    private enum Mode { FAIL }

    private static final ConfigOption<String> DIRECTORY = ConfigOption.string("directory").asRequired();
    private static final ConfigOption<Mode> MODE = ConfigOption.oneOf("failure.mode", Mode.class)
            .withDefault(Mode.FAIL).withUnsupportedValues(List.of("warn", "skip"), "it stops, as fail does");
    private static final ConfigKeyPattern<Integer> MASK = new ConfigKeyPattern<>("mask.<length>.chars",
            Pattern.compile("mask\\.([^.]+)\\.chars"), "mask.<length>.chars with a whole number as <length>",
            (key, value) -> Integer.parseInt(key.group(1)) * 100 + value.length(), "");

    private static final ConfigDefinition LENIENT = new ConfigDefinition(List.of(DIRECTORY, MODE), Set.of("pass."));
    private static final ConfigDefinition STRICT = LENIENT.withPatterns(List.of(MASK))
            .withUndeclaredKeys(UndeclaredKeys.reject("the test sink"));

    @Test
    void aLenientDefinitionCollectsUndeclaredKeysButNotPassThroughOnes() {
        ParsedConfig parsed = LENIENT.parse(Map.of("directory", "/tmp", "directroy", "x", "pass.on", "y"));

        assertThat(parsed.unknownKeys()).containsExactly("directroy");
        assertThat(parsed.get(MODE)).isEqualTo(Mode.FAIL);
    }

    @Test
    void aStrictDefinitionRejectsUndeclaredKeysWithADidYouMean() {
        assertThat(STRICT.validate(Map.of("directroy", "/tmp", "colour", "red", "pass.on", "y")))
                .containsExactly(
                        new ConfigProblem("directory", "is required (a string) but missing"),
                        new ConfigProblem("colour", "is not a key of the test sink; remove it"),
                        new ConfigProblem("directroy", "is not a key of the test sink; did you mean directory?"));
    }

    @Test
    void rejectingOnlyMisspeltKeysHandsTheOthersOn() {
        ConfigDefinition definition = LENIENT.withUndeclaredKeys(UndeclaredKeys.rejectMisspelt("the producer"));

        assertThat(definition.validate(Map.of("directory", "/tmp", "acks", "all", "failure.mdoe", "fail")))
                .containsExactly(new ConfigProblem("failure.mdoe",
                        "is not a key of the producer; did you mean failure.mode?"));
        assertThat(definition.parse(Map.of("directory", "/tmp", "acks", "all")).unknownKeys()).containsExactly("acks");
    }

    @Test
    void aPolicyCanKnowMoreKeysThanTheDeclaredOnes() {
        UndeclaredKeys catalogue = new UndeclaredKeys() {
            @Override
            public Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion) {
                return key.equals("refused.key") ? Optional.of("is refused") : suggestion.map(known -> "near " + known);
            }

            @Override
            public java.util.Collection<String> knownKeys() {
                return List.of("refused.key");
            }
        };
        ConfigDefinition definition = LENIENT.withUndeclaredKeys(catalogue);

        assertThat(definition.validate(Map.of("directory", "/tmp", "refused.key", "1", "refused.kye", "1")))
                .containsExactly(new ConfigProblem("refused.key", "is refused"),
                        new ConfigProblem("refused.kye", "near refused.key"));
    }

    @Test
    void keyPatternsParseEveryMatchingKeyInKeyOrder() {
        ParsedConfig parsed = STRICT.parse(Map.of("directory", "/tmp", "mask.5.chars", "ab", "mask.3.chars", "abcd"));

        assertThat(parsed.all(MASK)).containsExactly(304, 502);
    }

    @Test
    void aMalformedPatternKeyIsAProblemNamingIt() {
        assertThatThrownBy(() -> STRICT.parse(Map.of("directory", "/tmp", "mask.x.chars", "ab")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mask.x.chars: expected mask.<length>.chars with a whole number as <length>; "
                        + "For input string: \"x\"");
    }

    @Test
    void anUnsupportedValueSaysSoAndWhy() {
        assertThat(STRICT.validate(Map.of("directory", "/tmp", "failure.mode", "Skip")))
                .containsExactly(new ConfigProblem("failure.mode",
                        "'Skip' is a Debezium value that Tributary does not support: it stops, as fail does"));
        assertThat(STRICT.validate(Map.of("directory", "/tmp", "failure.mode", "sometimes")))
                .containsExactly(new ConfigProblem("failure.mode", "expected one of [fail] but found 'sometimes'"));
    }

    @Test
    void connectKeysCanBeAcceptedByAStrictPolicyAndNeighbourKeysAreSuggested() {
        ConfigDefinition definition = LENIENT.withUndeclaredKeys(UndeclaredKeys.reject("the sink").exceptConnectKeys())
                .withNeighbourKeys(Set.of("rest.port"));

        assertThat(definition.validate(Map.of("directory", "/tmp", "tasks.max", "2", "transforms.a.type", "x",
                "rset.port", "1", "tasks.mx", "1"))).containsExactly(
                        new ConfigProblem("rset.port", "is not a key of the sink; did you mean rest.port?"),
                        new ConfigProblem("tasks.mx", "is not a key of the sink; did you mean tasks.max?"));
    }

    @Test
    void connectKeysAreKnownWholeOrByPrefix() {
        assertThat(ConnectKeys.isConnectKey("transforms.unwrap.type")).isTrue();
        assertThat(ConnectKeys.isConnectKey("tasks.max")).isTrue();
        assertThat(ConnectKeys.isConnectKey("tasks.maximum")).isFalse();
    }
}
