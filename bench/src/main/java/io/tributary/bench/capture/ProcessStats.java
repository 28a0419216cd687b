package io.tributary.bench.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's CPU and GC time, its peak RSS, and the machine's busy CPU time, from the JVM and {@code /proc}. */
final class ProcessStats {
    /** {@code /proc/stat} counts in clock ticks; 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStats() {
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    static long peakRssKib() {
        return statusField("VmHWM:");
    }

    /** CPU time all processes spent busy (user, nice, system, irq, softirq, steal), from {@code /proc/stat}. */
    static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int column : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[column]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException(name + " missing from /proc/self/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
