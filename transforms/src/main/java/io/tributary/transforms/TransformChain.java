package io.tributary.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.RecordPredicate;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * The transforms a connector configuration declares in Kafka Connect's syntax, applied in order:
 *
 * <pre>
 * transforms=route,dropAudit
 * transforms.route.type=org.apache.kafka.connect.transforms.RegexRouter
 * transforms.route.regex=shop\.shop\.(.*)
 * transforms.route.replacement=$1
 * transforms.dropAudit.type=org.apache.kafka.connect.transforms.Filter
 * transforms.dropAudit.predicate=isAudit
 * transforms.dropAudit.negate=false
 * predicates=isAudit
 * predicates.isAudit.type=org.apache.kafka.connect.transforms.predicates.TopicNameMatches
 * predicates.isAudit.pattern=.*audit.*
 * </pre>
 *
 * Types are named by class, as in Connect, or by the class's simple name.
 */
public final class TransformChain {
    private static final Map<String, Supplier<ChangeTransform>> TRANSFORMS = named(Map.of(
            "org.apache.kafka.connect.transforms.RegexRouter", RegexRouter::new,
            "org.apache.kafka.connect.transforms.Filter", Filter::new,
            "io.debezium.transforms.ExtractNewRecordState", ExtractNewRecordState::new,
            "io.tributary.transforms.ExtractNewRecordState", ExtractNewRecordState::new,
            "io.debezium.connector.mongodb.transforms.ExtractNewDocumentState", ExtractNewDocumentState::new,
            "io.tributary.transforms.ExtractNewDocumentState", ExtractNewDocumentState::new));
    private static final Map<String, Supplier<RecordPredicate>> PREDICATES = named(Map.of(
            "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", TopicNameMatches::new,
            "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone", RecordIsTombstone::new));

    /** One configured step: the transform, and the predicate that gates it (null: always applies). */
    private record Step(ChangeTransform transform, RecordPredicate predicate, boolean negate) {
        ChangeRecord apply(ChangeRecord record) {
            if (predicate != null && predicate.test(record) == negate) {
                return record;
            }
            return transform.apply(record);
        }
    }

    private final List<Step> steps;

    private TransformChain(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The chain a connector configuration declares; empty when it has no {@code transforms}.
     *
     * @throws ConfigException listing every problem, each under its full key
     */
    public static TransformChain of(Map<String, String> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, RecordPredicate> predicates = new LinkedHashMap<>();
        for (String name : names(config.get("predicates"))) {
            RecordPredicate predicate = create("predicates." + name, config, PREDICATES, problems);
            if (predicate != null) {
                predicates.put(name, predicate);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (String name : names(config.get("transforms"))) {
            String prefix = "transforms." + name;
            ChangeTransform transform = create(prefix, config, TRANSFORMS, problems);
            String predicateName = config.get(prefix + ".predicate");
            RecordPredicate predicate = null;
            if (predicateName != null && !predicateName.isBlank()) {
                predicate = predicates.get(predicateName.strip());
                if (predicate == null && names(config.get("predicates")).stream().noneMatch(predicateName.strip()::equals)) {
                    problems.add(new ConfigProblem(prefix + ".predicate", "names predicate '" + predicateName.strip()
                            + "', which is not listed in predicates=" + config.getOrDefault("predicates", "")));
                }
            }
            String negate = config.getOrDefault(prefix + ".negate", "false").strip();
            if (!negate.equalsIgnoreCase("true") && !negate.equalsIgnoreCase("false")) {
                problems.add(new ConfigProblem(prefix + ".negate", "expected true or false, found '" + negate + "'"));
            }
            if (transform != null) {
                steps.add(new Step(transform, predicate, negate.equalsIgnoreCase("true")));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new TransformChain(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The records after every step, in order, without the dropped ones. */
    public List<ChangeRecord> apply(List<ChangeRecord> records) {
        if (steps.isEmpty()) {
            return records;
        }
        List<ChangeRecord> transformed = new ArrayList<>(records.size());
        for (ChangeRecord record : records) {
            ChangeRecord current = record;
            for (int i = 0; i < steps.size() && current != null; i++) {
                current = steps.get(i).apply(current);
            }
            if (current != null) {
                transformed.add(current);
            }
        }
        return transformed;
    }

    /** Creates and configures one transform or predicate, adding what is wrong with it to {@code problems}. */
    private static <T> T create(String prefix, Map<String, String> config, Map<String, Supplier<T>> known,
            List<ConfigProblem> problems) {
        String type = config.get(prefix + ".type");
        if (type == null || type.isBlank()) {
            problems.add(new ConfigProblem(prefix + ".type", "missing: one of " + fullNames(known)));
            return null;
        }
        Supplier<T> factory = known.get(type.strip());
        if (factory == null) {
            problems.add(new ConfigProblem(prefix + ".type", "unknown type '" + type.strip() + "': expected one of "
                    + fullNames(known)));
            return null;
        }
        T created = factory.get();
        Map<String, String> own = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix + ".") && !key.equals(prefix + ".type") && !key.equals(prefix + ".predicate")
                    && !key.equals(prefix + ".negate")) {
                own.put(key.substring(prefix.length() + 1), value);
            }
        });
        try {
            if (created instanceof ChangeTransform transform) {
                transform.configure(own);
            } else {
                ((RecordPredicate) created).configure(own);
            }
        } catch (ConfigException e) {
            e.problems().forEach(problem -> problems.add(
                    new ConfigProblem(prefix + "." + problem.key(), problem.message())));
            return null;
        }
        return created;
    }

    private static List<String> names(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** Each type under its class name and its simple name. */
    private static <T> Map<String, Supplier<T>> named(Map<String, Supplier<T>> byClass) {
        Map<String, Supplier<T>> named = new LinkedHashMap<>(byClass);
        byClass.forEach((name, factory) -> named.put(name.substring(name.lastIndexOf('.') + 1), factory));
        return Map.copyOf(named);
    }

    private static String fullNames(Map<String, ?> known) {
        return String.join(", ", new TreeSet<>(known.keySet().stream().filter(name -> name.contains(".")).toList()));
    }
}
