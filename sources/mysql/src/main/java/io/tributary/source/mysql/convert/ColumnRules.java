package io.tributary.source.mysql.convert;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.TableId;

/**
 * Which of Debezium's column mappers applies to a column. As in Debezium, at most one does: the first rule whose
 * patterns match, rules being ordered by kind — truncation, masking with characters, source-type propagation by
 * column, then by data type, hashing, hashing v2 — and within a kind by key. Immutable.
 */
public final class ColumnRules {
    public static final ColumnRules NONE = new ColumnRules(List.of());

    /** What a rule's patterns are matched against: {@code db.table.column}, or {@code db.table.TYPE NAME}. */
    public enum Target { COLUMN, DATA_TYPE }

    /**
     * One configured mapper.
     *
     * @param patterns matched against the whole target name, case-insensitively
     */
    public record Rule(Target target, List<Pattern> patterns, ColumnMapper mapper) {
        public Rule {
            requireNonNull(target, "target is null");
            patterns = List.copyOf(patterns);
            requireNonNull(mapper, "mapper is null");
        }

        boolean matches(TableId table, ColumnDefinition column) {
            String name = table + "." + switch (target) {
                case COLUMN -> column.name();
                case DATA_TYPE -> DebeziumColumnTypes.typeName(column);
            };
            return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
        }
    }

    private final List<Rule> rules;

    /** @param rules in Debezium's order of precedence */
    public ColumnRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The mapping of the value field of {@code column}, if a rule applies to it. */
    public Optional<ColumnMapper.ValueMapping> mappingFor(TableId table, ColumnDefinition column) {
        return rules.stream().filter(rule -> rule.matches(table, column)).findFirst()
                .map(rule -> rule.mapper().forColumn(column));
    }
}
