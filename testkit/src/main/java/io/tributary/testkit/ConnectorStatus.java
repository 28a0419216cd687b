package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Kafka Connect worker answers to {@code GET /connectors/{name}/status}.
 *
 * @param name the connector's name
 * @param state the connector's state: UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED or RESTARTING
 * @param workerId the worker that runs the connector
 * @param trace the stack trace of a FAILED connector, if any
 * @param tasks the state of each task
 */
public record ConnectorStatus(String name, String state, String workerId, Optional<String> trace, List<Task> tasks) {
    /** The state of one task of a connector. */
    public record Task(int id, String state, String workerId, Optional<String> trace) {
        public Task {
            requireNonNull(state, "state is null");
            requireNonNull(workerId, "workerId is null");
            requireNonNull(trace, "trace is null");
        }
    }

    public ConnectorStatus {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(workerId, "workerId is null");
        requireNonNull(trace, "trace is null");
        tasks = List.copyOf(tasks);
    }

    static ConnectorStatus fromJson(JsonNode json) {
        JsonNode connector = json.path("connector");
        List<Task> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new Task(task.path("id").asInt(), task.path("state").asText(), task.path("worker_id").asText(),
                    optionalText(task, "trace")));
        }
        return new ConnectorStatus(json.path("name").asText(), connector.path("state").asText(),
                connector.path("worker_id").asText(), optionalText(connector, "trace"), tasks);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** Whether the connector and exactly {@code taskCount} tasks are RUNNING. */
    public boolean isRunning(int taskCount) {
        return "RUNNING".equals(state) && tasks.size() == taskCount
                && tasks.stream().allMatch(task -> "RUNNING".equals(task.state()));
    }
}
