package io.tributary.source.mysql;

/** Debezium's {@code decimal.handling.mode}: how DECIMAL columns are represented. */
public enum DecimalHandlingMode {
    /** {@code org.apache.kafka.connect.data.Decimal}: exact, as Base64 bytes in JSON. */
    PRECISE,
    /** A double: approximate. */
    DOUBLE,
    /** The plain decimal text. */
    STRING
}
