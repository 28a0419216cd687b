package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another process's cost as the kernel counts it: user + system CPU since it started ({@code /proc/<pid>/stat}
 * fields 14 and 15) and its peak resident set ({@code VmHWM}).
 */
record ProcessCpu(long cpuNanos, long peakRssKib) {
    /** {@code /proc} counts in clock ticks; 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ProcessCpu of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.substring("VmHWM:".length()).trim().split("\\s+")[0]);
            }
        }
        return new ProcessCpu(ticks * NANOS_PER_TICK, peak);
    }
}
