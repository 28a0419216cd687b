package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.config.ConfigKeyPattern;
import io.tributary.api.config.ConfigOption;
import io.tributary.source.mysql.DebeziumOption.Treatment;
import org.junit.jupiter.api.Test;

/** The catalogue of Debezium's properties agrees with the options Tributary declares and with the README's table. */
class DebeziumOptionsTest {
    private static final String BEGIN = "<!-- debezium-options:begin (generated from DebeziumOptions by "
            + "DebeziumOptionsTest) -->";
    private static final String END = "<!-- debezium-options:end -->";
    /** Options of Tributary's own, not Debezium's. */
    private static final Set<String> TRIBUTARY_ONLY = Set.of("errors.retry.delay.initial.ms",
            "errors.retry.delay.max.ms", "tributary.schema.history.file");

    @Test
    void everyPropertyIsListedOnce() {
        List<String> keys = DebeziumOptions.ALL.stream().map(DebeziumOption::key).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void everyHonouredPropertyIsDeclaredAndEveryDeclaredOptionIsListedAsHonoured() {
        Set<String> declared = new HashSet<>();
        for (ConfigOption<?> option : MySqlSourceOptions.DEFINITION.options()) {
            declared.add(option.key());
            declared.addAll(option.legacyKeys());
        }
        MySqlSourceOptions.DEFINITION.patterns().stream().map(ConfigKeyPattern::template).forEach(declared::add);
        Set<String> honoured = new HashSet<>();
        DebeziumOptions.ALL.stream().filter(option -> option.treatment() == Treatment.HONOURED)
                .map(DebeziumOption::key).forEach(honoured::add);

        assertThat(declared).containsAll(honoured);
        Set<String> unlisted = new HashSet<>(declared);
        unlisted.removeAll(honoured);
        assertThat(unlisted).containsExactlyInAnyOrderElementsOf(TRIBUTARY_ONLY);
    }

    @Test
    void refusedAndAcceptedPropertiesAreNotDeclared() {
        DebeziumOptions.ALL.stream().filter(option -> option.treatment() != Treatment.HONOURED).forEach(option ->
                assertThat(MySqlSourceOptions.DEFINITION.options()).noneMatch(declared ->
                        declared.key().equals(option.key()) || declared.legacyKeys().contains(option.key())));
    }

    @Test
    void onlyRefusedPropertiesHaveAcceptedValuesAndEveryEntrySaysSomething() {
        assertThat(DebeziumOptions.ALL).allSatisfy(option -> {
            if (option.treatment() != Treatment.REFUSED) {
                assertThat(option.acceptedValues()).as(option.key()).isEmpty();
            }
            if (option.treatment() != Treatment.HONOURED) {
                assertThat(option.note()).as(option.key()).isNotBlank();
            }
        });
    }

    @Test
    void eachKindOfEntryMatchesItsKeys() {
        assertThat(DebeziumOptions.find("column.mask.with.12.chars")).map(DebeziumOption::key)
                .contains("column.mask.with.<length>.chars");
        assertThat(DebeziumOptions.find("column.mask.hash.v2.SHA-256.with.salt.a.b")).map(DebeziumOption::key)
                .contains("column.mask.hash.v2.<algorithm>.with.salt.<salt>");
        assertThat(DebeziumOptions.find("database.history.producer.sasl.mechanism")).map(DebeziumOption::key)
                .contains("database.history.producer.*");
        assertThat(DebeziumOptions.find("database.allowPublicKeyRetrieval")).map(DebeziumOption::key)
                .contains("database.*");
        assertThat(DebeziumOptions.find("schema.history.internal.skip.unparseable.ddl"))
                .map(DebeziumOption::treatment).contains(Treatment.ACCEPTED);
        assertThat(DebeziumOptions.find("nobody.defines.this")).isEmpty();
    }

    @Test
    void theDdlFilterIsReadWhereDebeziumReadsItAndItsDocumentedLookingKeyIsRefused() {
        Map<String, String> base = Map.of("database.hostname", "db", "database.user", "u", "topic.prefix", "p");
        Map<String, String> internal = new java.util.HashMap<>(base);
        internal.put("internal.schema.history.internal.ddl.filter", "SAVEPOINT .*");
        Map<String, String> unread = new java.util.HashMap<>(base);
        unread.put("schema.history.internal.ddl.filter", "SAVEPOINT .*");

        assertThat(MySqlSourceConfig.validate(internal)).isEmpty();
        assertThat(MySqlSourceConfig.parse(internal).ddlFilter()).isEqualTo("SAVEPOINT .*");
        assertThat(MySqlSourceConfig.validate(unread)).singleElement().asString()
                .contains("schema.history.internal.ddl.filter", "Debezium reads no DDL filter under this key",
                        "internal.schema.history.internal.ddl.filter");
    }

    @Test
    void aRefusedPropertyIsAcceptedWithTheValueThatAsksForWhatTributaryDoes() {
        Map<String, String> config = Map.of("database.hostname", "db", "database.user", "u", "topic.prefix", "p",
                "snapshot.locking.mode", " Minimal ", "extended.headers.enabled", "false",
                "topic.naming.strategy", "io.debezium.schema.DefaultTopicNamingStrategy");

        assertThat(MySqlSourceConfig.validate(config)).isEmpty();
    }

    @Test
    void theReadmeTableListsEveryPropertyAsTheCatalogueSays() throws IOException {
        Path readme = Path.of("").toAbsolutePath().resolve("../../README.md").normalize();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String expected = table();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String actual = begin < 0 || end < begin ? "" : text.substring(begin + BEGIN.length(), end);
        if (!actual.equals(expected)) {
            Path generated = Path.of("target", "debezium-options.md");
            Files.writeString(generated, BEGIN + expected + END + "\n", StandardCharsets.UTF_8);
            assertThat(actual).as("the README's table between " + BEGIN + " and " + END + " differs from the "
                    + "catalogue; replace it with " + generated.toAbsolutePath()).isEqualTo(expected);
        }
    }

    /** The README's table: one row per property, in the catalogue's order. */
    static String table() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| Debezium property | from | Tributary | what Tributary does |");
        lines.add("|---|---|---|---|");
        for (DebeziumOption option : DebeziumOptions.ALL) {
            lines.add("| `" + option.key() + "` | " + option.origin().label() + " | " + treatment(option) + " | "
                    + escaped(option.note()) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String treatment(DebeziumOption option) {
        return switch (option.treatment()) {
            case HONOURED -> "honoured";
            case ACCEPTED -> "accepted (Debezium internals)";
            case REFUSED -> option.acceptedValues().isEmpty() ? "refused"
                    : "refused unless " + String.join(" or ", option.acceptedValues().stream()
                            .map(value -> "`" + value + "`").toList());
        };
    }

    private static String escaped(String note) {
        return note.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
