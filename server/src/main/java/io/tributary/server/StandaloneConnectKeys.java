package io.tributary.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ConnectKeys;

/**
 * Kafka Connect's own connector keys in a pipeline file: those the standalone runtime honours (the name and class,
 * converters, transforms, predicates, config providers, {@code config.action.reload}) pass; those only a Connect
 * worker can honour pass with the value that asks for what the runtime does, and are refused otherwise, saying what
 * to set instead. (On a worker, the source accepts them all: the worker honours them.)
 */
final class StandaloneConnectKeys {
    private static final String SINK_CLIENTS = "Tributary's Kafka sink takes its clients' settings as "
            + "sink.<name>.<property>";

    /** A key the runtime honours only with one value: that value, and what to do instead. */
    private record Fixed(String key, String value, String instead) {
    }

    private static final List<Fixed> FIXED = List.of(
            new Fixed("errors.tolerance", "none", "the runtime skips no record of its source: one it cannot convert "
                    + "or transform stops the pipeline; a DynamoDB or MongoDB sink sets records aside with "
                    + "sink.<name>.errors.tolerance=all and a dead-letter file"),
            new Fixed("errors.log.enable", "false", "failures are logged whatever it says, and stop the pipeline"),
            new Fixed("errors.log.include.messages", "false", "the runtime logs no record's content"),
            new Fixed("errors.retry.timeout", "0", "the source retries a lost connection by errors.max.retries and "
                    + "errors.retry.delay.*; converters and transforms are not retried"),
            new Fixed("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter", "headers are "
                    + "written as Connect's default header converter writes them"),
            new Fixed("exactly.once.support", "requested", "exactly-once delivery is the Kafka sink's: "
                    + "sink.<name>.exactly.once=true"),
            new Fixed("transaction.boundary", "poll", "with sink.<name>.exactly.once=true, the Kafka sink commits "
                    + "the records of each batch and their offset in one transaction"));

    /** Keys the runtime cannot honour at all, by prefix or whole key: what to do instead. */
    private static final Map<String, String> REFUSED = Map.of(
            "transaction.boundary.interval.ms", "the Kafka sink's transactions follow its batches",
            "offsets.storage.topic", "offsets are kept in offset.storage.dir, or with sink.<name>.exactly.once=true "
                    + "in the Kafka sink's transactions",
            "topic.creation.", "set sink.<name>.topic.creation.default.partitions and "
                    + "sink.<name>.topic.creation.default.replication.factor on the Kafka sink",
            "producer.override.", SINK_CLIENTS,
            "consumer.override.", SINK_CLIENTS,
            "admin.override.", SINK_CLIENTS,
            "errors.deadletterqueue.", "a source has no dead-letter queue; a DynamoDB or MongoDB sink takes "
                    + "sink.<name>.errors.deadletterqueue.file",
            "header.converter.", "headers are written as Connect's default header converter writes them",
            "connector.plugin.version", "plugin versions are a Connect worker's; the runtime runs its own",
            "converter.plugin.version", "plugin versions are a Connect worker's; the runtime runs its own");

    private StandaloneConnectKeys() {
    }

    /** A problem for each of Connect's keys in {@code source} that the runtime would not honour. */
    static List<ConfigProblem> problems(Map<String, String> source) {
        List<ConfigProblem> problems = new ArrayList<>();
        source.forEach((key, value) -> {
            if (!ConnectKeys.isConnectKey(key)) {
                return;
            }
            Optional<Fixed> fixed = FIXED.stream().filter(candidate -> candidate.key().equals(key)).findFirst();
            if (fixed.isPresent()) {
                if (value == null || !value.strip().equalsIgnoreCase(fixed.get().value())) {
                    problems.add(new ConfigProblem(key, "is a Kafka Connect setting the standalone runtime honours "
                            + "only as " + fixed.get().value() + ": " + fixed.get().instead() + "; remove it or set "
                            + fixed.get().value()));
                }
                return;
            }
            REFUSED.entrySet().stream().filter(entry -> entry.getKey().endsWith(".") ? key.startsWith(entry.getKey())
                    : key.equals(entry.getKey()) || key.endsWith("." + entry.getKey())).findFirst()
                    .ifPresent(entry -> problems.add(new ConfigProblem(key, "is a Kafka Connect worker's setting "
                            + "that the standalone runtime cannot honour: " + entry.getValue() + "; remove it")));
        });
        return problems;
    }
}
