package io.tributary.server;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.tributary.api.TableProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's figures as the MBeans of Debezium's MySQL or MariaDB connector, in the platform MBean server: {@code
 * debezium.mysql:type=connector-metrics,context=streaming|snapshot,server=<topic.prefix>} ({@code debezium.mariadb}
 * when the pipeline names Debezium's MariaDB connector). Read on demand, nothing copied per event.
 */
final class DebeziumMBeans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DebeziumMBeans.class);

    private final MBeanServer server;
    private final List<ObjectName> registered;

    private DebeziumMBeans(MBeanServer server, List<ObjectName> registered) {
        this.server = server;
        this.registered = List.copyOf(registered);
    }

    /**
     * Registers both MBeans; one whose name is taken (another pipeline of the same {@code topic.prefix} in this
     * JVM) is left out with a WARN, as a metrics name clash must not stop a pipeline.
     */
    static DebeziumMBeans register(Pipeline pipeline, String connectorType, String topicPrefix) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> registered = new ArrayList<>();
        Map<ObjectName, Object> beans = Map.of(name(connectorType, "streaming", topicPrefix), new Streaming(pipeline),
                name(connectorType, "snapshot", topicPrefix), new Snapshot(pipeline));
        beans.forEach((name, bean) -> {
            try {
                server.registerMBean(bean, name);
                registered.add(name);
            } catch (JMException e) {
                LOG.warn("pipeline {} has no MBean {}: {}", pipeline.config().name(), name, e.getMessage());
            }
        });
        return new DebeziumMBeans(server, registered);
    }

    /** @param connectorType {@code mysql} or {@code mariadb}, as {@link Sources#debeziumConnectorType} gives it */
    static ObjectName name(String connectorType, String context, String topicPrefix) {
        try {
            return new ObjectName("debezium." + connectorType + ":type=connector-metrics,context=" + context + ",server="
                    + quoteIfNeeded(topicPrefix));
        } catch (JMException e) {
            throw new IllegalArgumentException("topic.prefix '" + topicPrefix + "' makes no MBean name: "
                    + e.getMessage(), e);
        }
    }

    /** As is unless it holds a character an object name's value may not (Debezium's prefixes never do). */
    private static String quoteIfNeeded(String value) {
        return value.matches("[^,=:*?\"\\n]*") ? value : ObjectName.quote(value);
    }

    @Override
    public void close() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.warn("cannot unregister MBean {}: {}", name, e.getMessage());
            }
        }
    }

    private record Streaming(Pipeline pipeline) implements StreamingMetricsMXBean {
        @Override
        public long getMilliSecondsBehindSource() {
            return pipeline.metrics().lagMs();
        }

        @Override
        public long getTotalNumberOfEventsSeen() {
            return pipeline.metrics().captured();
        }

        @Override
        public long getNumberOfCommittedTransactions() {
            return pipeline.captureStatus().committedTransactions();
        }

        @Override
        public boolean isConnected() {
            return pipeline.captureStatus().connected();
        }

        @Override
        public int getQueueTotalCapacity() {
            return pipeline.captureStatus().queueCapacity();
        }

        @Override
        public int getQueueRemainingCapacity() {
            return pipeline.captureStatus().queueRemainingCapacity();
        }

        @Override
        public long getMilliSecondsSinceLastEvent() {
            return pipeline.metrics().msSinceLastDelivery();
        }

        @Override
        public String getBinlogFilename() {
            Object file = stored().get("file");
            return file == null ? null : file.toString();
        }

        @Override
        public long getBinlogPosition() {
            return stored().get("pos") instanceof Number pos ? pos.longValue() : -1;
        }

        @Override
        public String getGtidSet() {
            Object gtids = stored().get("gtids");
            return gtids == null ? null : gtids.toString();
        }

        @Override
        public boolean isGtidModeEnabled() {
            return getGtidSet() != null;
        }

        @Override
        public Map<String, String> getSourceEventPosition() {
            Map<String, String> position = new LinkedHashMap<>();
            stored().forEach((key, value) -> position.put(key, String.valueOf(value)));
            return position;
        }

        @Override
        public long getNumberOfDisconnects() {
            return pipeline.captureStatus().disconnects();
        }

        private Map<String, ?> stored() {
            return pipeline.storedOffset().map(Pipeline.StoredOffset::offset).orElse(Map.of());
        }
    }

    private record Snapshot(Pipeline pipeline) implements SnapshotMetricsMXBean {
        @Override
        public int getTotalTableCount() {
            return pipeline.captureStatus().snapshotTableCount();
        }

        @Override
        public int getRemainingTableCount() {
            long finished = pipeline.snapshotProgress().values().stream().filter(TableProgress::done).count();
            return pipeline.captureStatus().snapshotCompleted() ? 0
                    : Math.max(0, getTotalTableCount() - (int) finished);
        }

        @Override
        public boolean getSnapshotRunning() {
            return pipeline.captureStatus().snapshotRunning();
        }

        @Override
        public boolean getSnapshotCompleted() {
            return pipeline.captureStatus().snapshotCompleted();
        }

        @Override
        public long getSnapshotDurationInSeconds() {
            return pipeline.captureStatus().snapshotDurationSeconds();
        }

        @Override
        public boolean getSnapshotAborted() {
            return pipeline.state() == Pipeline.State.FAILED && !pipeline.captureStatus().snapshotCompleted()
                    && pipeline.captureStatus().snapshotTableCount() > 0;
        }

        @Override
        public boolean getSnapshotPaused() {
            return pipeline.state() == Pipeline.State.PAUSED && getSnapshotRunning();
        }

        @Override
        public Map<String, Long> getRowsScanned() {
            Map<String, Long> rows = new LinkedHashMap<>();
            pipeline.snapshotProgress().forEach((table, progress) -> rows.put(table, progress.rowsRead()));
            return rows;
        }
    }
}
