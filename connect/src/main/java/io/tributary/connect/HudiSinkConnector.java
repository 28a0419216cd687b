package io.tributary.connect;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.hudi.HudiSinkProvider;
import org.apache.kafka.connect.connector.Task;

/**
 * Tributary's Hudi sink on Kafka Connect (the settings of the standalone sink; README). One task, whatever
 * {@code tasks.max} says: one writer a table. Several tasks writing one table would need Hudi's optimistic
 * concurrency control with a lock provider, and change events conflict on the same file groups all the time, so
 * commits would fail and retry rather than add throughput. Rows are committed at each of Connect's offset commits
 * ({@code offset.flush.interval.ms}), so a committed Kafka offset always means committed rows.
 */
public final class HudiSinkConnector extends ChangeSinkConnector {
    @Override
    protected ChangeSinkProvider provider() {
        return new HudiSinkProvider();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HudiSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return super.taskConfigs(1);
    }
}
