package io.tributary.api.config;

/**
 * Thrown by an option's parser for a value that is valid where the key comes from (Debezium, Kafka Connect) but that
 * Tributary does not support; {@link ConfigDefinition} reports its message as it is, naming the key.
 */
public final class UnsupportedValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedValueException(String message) {
        super(message);
    }
}
