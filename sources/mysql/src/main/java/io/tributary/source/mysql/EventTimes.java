package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.GtidTaggedEventData;
import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.ServerFlavor;

/**
 * When each streamed change was made, as Debezium dates it in {@code source.ts_ms}, {@code ts_us} and {@code ts_ns}:
 * the binlog event's own time, in whole seconds — except on MySQL with {@code gtid_mode=ON}, where a transaction's
 * GTID event (tagged or not) carries the commit time on the server it came from in microseconds
 * ({@code original_commit_timestamp}, MySQL 8.0.1+), which then dates every event up to the next GTID event. Not thread-safe: the reader thread's.
 */
final class EventTimes {
    private final boolean fromGtidEvents;
    private long micros = -1;

    EventTimes(boolean fromGtidEvents) {
        this.fromGtidEvents = fromGtidEvents;
    }

    /** The dating rule of this server: from GTID events only on MySQL with gtid_mode=ON. */
    static EventTimes of(ServerFlavor flavor, Connection connection) {
        if (flavor == ServerFlavor.MARIADB) {
            return new EventTimes(false);
        }
        try (Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("SELECT @@GLOBAL.gtid_mode")) {
            return new EventTimes(mode.next() && "ON".equalsIgnoreCase(mode.getString(1)));
        } catch (SQLException e) {
            throw SourceException.retriable("cannot read the server's gtid_mode: " + e.getMessage(), e);
        }
    }

    /** Takes the time of the next event read; returns when its change was made, in microseconds. */
    long on(Event event) {
        long headerMicros = event.getHeader().getTimestamp() * 1000;
        if (micros < 0 || !fromGtidEvents) {
            micros = headerMicros;
        } else if (event.getData() instanceof GtidEventData gtid) {
            micros = committedOr(gtid.getOriginalCommitTimestamp(), headerMicros);
        } else if (event.getData() instanceof GtidTaggedEventData gtid) {
            micros = committedOr(gtid.getOriginalCommitTimestamp(), headerMicros);
        }
        return micros;
    }

    private static long committedOr(long originalCommitMicros, long headerMicros) {
        return originalCommitMicros != 0 ? originalCommitMicros : headerMicros;
    }

    /** When the change of the last event taken was made, in microseconds since the epoch. */
    long micros() {
        return micros;
    }

    /** The same in milliseconds, rounded down as Debezium does. */
    long millis() {
        return Math.floorDiv(micros, 1000);
    }
}
