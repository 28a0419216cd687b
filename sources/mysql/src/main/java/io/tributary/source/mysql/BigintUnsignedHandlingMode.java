package io.tributary.source.mysql;

/** Debezium's {@code bigint.unsigned.handling.mode}: how BIGINT UNSIGNED columns are represented. */
public enum BigintUnsignedHandlingMode {
    /** A signed 64-bit integer; values above 2^63-1 wrap around, as Debezium's default does. */
    LONG,
    /** {@code org.apache.kafka.connect.data.Decimal} with scale 0: exact. */
    PRECISE
}
