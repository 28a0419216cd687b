package io.tributary.connect;

import java.util.Date;

/**
 * Connect's own logical types for times, whose Connect values are {@code java.util.Date}s and Tributary's the numbers
 * Connect writes for them: {@code Date} days since the epoch (INT32), {@code Time} milliseconds of the day (INT32),
 * {@code Timestamp} milliseconds since the epoch (INT64).
 */
final class ConnectTimes {
    private static final String DATE = org.apache.kafka.connect.data.Date.LOGICAL_NAME;
    private static final String TIME = org.apache.kafka.connect.data.Time.LOGICAL_NAME;
    private static final String TIMESTAMP = org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ConnectTimes() {
    }

    /** The Connect value of a non-struct value of a schema named {@code name} (null when it has no name). */
    static Object toConnect(String name, Object value) {
        if (name == null || value instanceof Date) {
            return value;
        }
        if (name.equals(DATE)) {
            return new Date(((Number) value).intValue() * MILLIS_PER_DAY);
        }
        if (name.equals(TIME) || name.equals(TIMESTAMP)) {
            return new Date(((Number) value).longValue());
        }
        return value;
    }

    /** Tributary's value of a Connect value of a schema named {@code name}. */
    static Object fromConnect(String name, Object value) {
        if (!(value instanceof Date date) || name == null) {
            return value;
        }
        if (name.equals(DATE)) {
            return (int) Math.floorDiv(date.getTime(), MILLIS_PER_DAY);
        }
        if (name.equals(TIME)) {
            return (int) date.getTime();
        }
        return name.equals(TIMESTAMP) ? date.getTime() : value;
    }
}
