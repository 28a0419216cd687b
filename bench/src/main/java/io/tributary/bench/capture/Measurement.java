package io.tributary.bench.capture;

/**
 * What one run of a {@link Phase} cost, as its own JVM saw it, plus the CPU the rest of the machine used meanwhile.
 *
 * @param events change events counted (tombstones not included)
 * @param wallNanos from the engine's start to the last event
 * @param cpuNanos the run's JVM's CPU time over the same span
 * @param gcMillis time the JVM's collectors reported over the same span
 * @param peakRssKib the JVM's peak resident set ({@code VmHWM})
 * @param otherCpuNanos CPU time of every other process over the same span (MariaDB serving the capture included)
 */
record Measurement(long events, long wallNanos, long cpuNanos, long gcMillis, long peakRssKib, long otherCpuNanos) {
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

    String toLine() {
        return events + " " + wallNanos + " " + cpuNanos + " " + gcMillis + " " + peakRssKib + " " + otherCpuNanos;
    }

    static Measurement fromLine(String line) {
        String[] parts = line.strip().split(" ");
        return new Measurement(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Long.parseLong(parts[4]), Long.parseLong(parts[5]));
    }
}
