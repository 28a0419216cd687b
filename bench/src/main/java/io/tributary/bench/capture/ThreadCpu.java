package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads grouped by what they do — the engine's own threads, the JIT compilers, the
 * garbage collector, the rest — read from {@code /proc/self/task}, so a run can say where its CPU went.
 */
final class ThreadCpu {
    /** {@code /proc} counts in clock ticks; 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {
    }

    /** CPU nanoseconds per thread group, over the threads alive now (a thread that ended took its time with it). */
    static Map<String, Long> byGroup() {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after the parenthesised name: state is field 3, utime 14, stime 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    groups.merge(group(name), ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read: its time is gone from /proc/self/task anyway
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return groups;
    }

    private static String group(String threadName) {
        if (threadName.startsWith("C2 Compiler") || threadName.startsWith("C1 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
            return "gc+vm";
        }
        return threadName.replaceAll("[-_ ]?[0-9]+$", "");
    }
}
