package io.tributary.bench.capture;

/**
 * What one benchmark run measures: a capture engine reading one workload into a counter, in one JSON mode.
 *
 * @param engine who captures
 * @param workload the snapshot of the loaded table, or the binlog of the mixed workload
 * @param schemas JsonConverter with schemas (true) or without
 */
record Phase(Engine engine, Workload workload, boolean schemas) {
    enum Engine {
        DEBEZIUM, TRIBUTARY
    }

    enum Workload {
        /** {@code snapshot.mode=initial} over the loaded table: one {@code r} event per row. */
        SNAPSHOT("snap", "initial"),
        /** {@code snapshot.mode=never} from the start of the binlog holding only the mixed workload. */
        STREAMING("stream", "never");

        final String database;
        final String snapshotMode;

        Workload(String database, String snapshotMode) {
            this.database = database;
            this.snapshotMode = snapshotMode;
        }
    }

    String label() {
        return engine.name().toLowerCase(java.util.Locale.ROOT) + " " + workload.name().toLowerCase(java.util.Locale.ROOT)
                + (schemas ? " with schemas" : " without schemas");
    }
}
