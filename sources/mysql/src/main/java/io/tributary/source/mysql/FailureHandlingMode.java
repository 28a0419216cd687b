package io.tributary.source.mysql;

/**
 * Debezium's {@code event.processing.failure.handling.mode} and its kin, as far as Tributary supports them: it stops
 * at an event it cannot read or process, naming it. Debezium's {@code warn}, {@code skip} and {@code ignore}, which
 * drop such events, are refused.
 */
public enum FailureHandlingMode {
    /** Stop with an error that names the event and its binlog position. */
    FAIL
}
