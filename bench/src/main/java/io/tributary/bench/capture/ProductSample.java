package io.tributary.bench.capture;

/**
 * What one process of the product benchmark cost, from its start until every record was delivered.
 *
 * @param events change events of the workload (tombstones not counted)
 * @param wallNanos from starting the process to the last record delivered
 * @param firstRecordNanos from starting the process to the first record seen delivered
 * @param cpuNanos the process's user + system CPU, start-up included
 * @param systemNanos the part of it spent in the kernel
 * @param peakRssKib the process's peak resident set
 * @param serverCpuNanos the server's CPU over the same span: the Kafka broker's, DynamoDB Local's (0 for files)
 * @param floorCpuNanos the shared floor measured right after the run: what a bare program spent doing the part of
 *     the work any engine must do alike ({@link WriteFloor}, {@link ProduceFloor})
 */
record ProductSample(long events, long wallNanos, long firstRecordNanos, long cpuNanos, long systemNanos,
        long peakRssKib, long serverCpuNanos, long floorCpuNanos) {
    ProductSample withFloor(long floorNanos) {
        return new ProductSample(events, wallNanos, firstRecordNanos, cpuNanos, systemNanos, peakRssKib,
                serverCpuNanos, floorNanos);
    }

    double eventsPerSecond() {
        return events * 1e9 / wallNanos;
    }

    /** CPU-seconds per million events. */
    double cpuSecondsPerMillion() {
        return cpuNanos / 1e9 * 1_000_000 / events;
    }

    /** The kernel's share of the process's CPU, in percent. */
    double systemPercent() {
        return cpuNanos == 0 ? 0 : systemNanos * 100.0 / cpuNanos;
    }

    double floorCpuSecondsPerMillion() {
        return floorCpuNanos / 1e9 * 1_000_000 / events;
    }

    /** CPU-seconds per million events above the shared floor: the engine's own work. */
    double aboveFloorCpuSecondsPerMillion() {
        return cpuSecondsPerMillion() - floorCpuSecondsPerMillion();
    }

    double serverCpuSecondsPerMillion() {
        return serverCpuNanos / 1e9 * 1_000_000 / events;
    }
}
