package io.tributary.core.event;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;

/** The parts of Debezium's event schemas every connector shares. */
public final class DebeziumBlocks {
    /** The {@code transaction} block of an envelope ({@code provide.transaction.metadata}). */
    public static final EventSchema TRANSACTION = EventSchema.struct("event.block", EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.STRING))
                    .add("total_order", EventSchema.of(Type.INT64))
                    .add("data_collection_order", EventSchema.of(Type.INT64))
                    .build())
            .withVersion(1).asOptional();

    private DebeziumBlocks() {
    }

    /**
     * The fields every connector's {@code source} block starts with, in order: {@code version}, {@code connector},
     * {@code name}, {@code ts_ms}, {@code snapshot} (Debezium's enum, default {@code false}), {@code db},
     * {@code sequence}, {@code ts_us}, {@code ts_ns}; the connector's own fields follow.
     */
    public static EventSchema.FieldsBuilder sourceFields() {
        return EventSchema.fieldsBuilder()
                .add("version", EventSchema.of(Type.STRING))
                .add("connector", EventSchema.of(Type.STRING))
                .add("name", EventSchema.of(Type.STRING))
                .add("ts_ms", EventSchema.of(Type.INT64))
                .add("snapshot", EventSchema.of(Type.STRING).asOptional().withName("io.debezium.data.Enum", 1)
                        .withParameter("allowed",
                                "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental")
                        .withDefault("false"))
                .add("db", EventSchema.of(Type.STRING))
                .add("sequence", EventSchema.of(Type.STRING).asOptional())
                .add("ts_us", EventSchema.of(Type.INT64).asOptional())
                .add("ts_ns", EventSchema.of(Type.INT64).asOptional());
    }
}
