package io.tributary.bench.capture;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of a {@link Phase} cost, as its own JVM saw it, plus the CPU the rest of the machine used meanwhile.
 *
 * @param events change events counted (tombstones not included)
 * @param wallNanos from the engine's start to the last event
 * @param cpuNanos the run's JVM's CPU time over the same span
 * @param gcMillis time the JVM's collectors reported over the same span
 * @param peakRssKib the JVM's peak resident set ({@code VmHWM})
 * @param otherCpuNanos CPU time of every other process over the same span (MariaDB serving the capture included)
 * @param threadCpuNanos the run's CPU time by thread group ({@link ThreadCpu})
 */
record Measurement(long events, long wallNanos, long cpuNanos, long gcMillis, long peakRssKib, long otherCpuNanos,
        Map<String, Long> threadCpuNanos) {
    double eventsPerSecond() {
        return events * 1e9 / wallNanos;
    }

    /** CPU-seconds this engine spent per million events. */
    double cpuSecondsPerMillion() {
        return cpuNanos / 1e9 * 1_000_000 / events;
    }

    double eventsPerCpuSecond() {
        return events * 1e9 / cpuNanos;
    }

    /** The thread groups' CPU as {@code group 1.2s, group 0.3s, ...}, largest first. */
    String threadCpuSummary() {
        StringBuilder summary = new StringBuilder();
        threadCpuNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(group -> group.getValue() > 0)
                .forEach(group -> summary.append(summary.isEmpty() ? "" : ", ").append(group.getKey())
                        .append(String.format(" %.1fs", group.getValue() / 1e9)));
        return summary.toString();
    }

    String toLine() {
        StringBuilder line = new StringBuilder(events + " " + wallNanos + " " + cpuNanos + " " + gcMillis + " "
                + peakRssKib + " " + otherCpuNanos);
        threadCpuNanos.forEach((group, nanos) -> line.append(' ').append(group.replace(' ', '_')).append('=')
                .append(nanos));
        return line.toString();
    }

    static Measurement fromLine(String line) {
        String[] parts = line.strip().split(" ");
        Map<String, Long> threads = new TreeMap<>();
        for (int i = 6; i < parts.length; i++) {
            int equals = parts[i].lastIndexOf('=');
            threads.put(parts[i].substring(0, equals), Long.parseLong(parts[i].substring(equals + 1)));
        }
        return new Measurement(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Long.parseLong(parts[4]), Long.parseLong(parts[5]), threads);
    }
}
