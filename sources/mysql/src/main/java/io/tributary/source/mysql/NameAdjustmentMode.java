package io.tributary.source.mysql;

/**
 * Debezium's {@code schema.name.adjustment.mode} and {@code field.name.adjustment.mode}: how names that are not valid
 * Avro names are changed.
 */
public enum NameAdjustmentMode {
    /** Names as they are. */
    NONE,
    /** Every character Avro does not allow becomes {@code _}. */
    AVRO,
    /** {@code _} and every character Avro does not allow becomes {@code _u} and its hexadecimal code. */
    AVRO_UNICODE
}
