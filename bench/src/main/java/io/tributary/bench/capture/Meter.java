package io.tributary.bench.capture;

import java.util.Map;
import java.util.TreeMap;

/** What a run costs from its start: wall time, this JVM's CPU and GC time, its threads' CPU, the rest of the machine's. */
final class Meter {
    private final long startNanos;
    private final long startCpu;
    private final long startGc;
    private final long startBusy;
    private final Map<String, Long> startThreads;

    private Meter() {
        startBusy = ProcessStats.machineBusyNanos();
        startThreads = ThreadCpu.byGroup();
        startGc = ProcessStats.gcMillis();
        startCpu = ProcessStats.cpuNanos();
        startNanos = System.nanoTime();
    }

    static Meter start() {
        return new Meter();
    }

    /** The measurement of {@code events} events from the start until now. */
    Measurement stop(long events) {
        long wall = System.nanoTime() - startNanos;
        long cpu = ProcessStats.cpuNanos() - startCpu;
        long gc = ProcessStats.gcMillis() - startGc;
        long busy = ProcessStats.machineBusyNanos() - startBusy;
        Map<String, Long> threads = new TreeMap<>(ThreadCpu.byGroup());
        startThreads.forEach((group, nanos) -> threads.merge(group, -nanos, Long::sum));
        return new Measurement(events, wall, cpu, gc, ProcessStats.peakRssKib(), Math.max(0, busy - cpu), threads);
    }
}
