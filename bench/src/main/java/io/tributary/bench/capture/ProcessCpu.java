package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Another process's cost as the kernel counts it: user + system CPU since it started ({@code /proc/<pid>/stat}
 * fields 14 and 15) and its peak resident set ({@code VmHWM}).
 */
record ProcessCpu(long cpuNanos, long systemNanos, long peakRssKib) {
    /** {@code /proc} counts in clock ticks; 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ProcessCpu of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        long ticks = ticks(stat);
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.substring("VmHWM:".length()).trim().split("\\s+")[0]);
            }
        }
        return new ProcessCpu(ticks * NANOS_PER_TICK, fields(stat)[12] * NANOS_PER_TICK, peak);
    }

    /**
     * The process's CPU by thread group, as the kernel names its threads (digits dropped, so that the JIT's
     * {@code C2 CompilerThre} threads or a pool's workers add up), largest first in the map's string form.
     */
    static Map<String, Long> byThread(long pid) throws IOException {
        return byThread(pid, false);
    }

    /** As {@link #byThread(long)}, counting only system time when {@code systemOnly}. */
    static Map<String, Long> byThread(long pid, boolean systemOnly) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "")
                        .strip();
                groups.merge(name, (systemOnly ? fields(stat)[12] : ticks(stat)) * NANOS_PER_TICK, Long::sum);
            }
        }
        return groups;
    }

    /** User + system ticks of a {@code stat} line. */
    private static long ticks(String stat) {
        long[] fields = fields(stat);
        return fields[11] + fields[12];
    }

    /** The numeric fields of a {@code stat} line after the command name: index 11 is utime, 12 stime. */
    private static long[] fields(String stat) {
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] numbers = new long[13];
        for (int i = 1; i < numbers.length; i++) {
            numbers[i] = Long.parseLong(fields[i]);
        }
        return numbers;
    }
}
