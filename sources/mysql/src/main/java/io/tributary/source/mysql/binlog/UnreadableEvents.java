package io.tributary.source.mysql.binlog;

import java.util.Optional;

import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import io.tributary.api.SourceException;

/**
 * The rule that nothing in the binlog is skipped silently: an event that can carry row changes (or say that some are
 * missing) and that capture cannot read stops it, with an error saying what the event is and what to do.
 */
public final class UnreadableEvents {
    private UnreadableEvents() {
    }

    /** The error to stop with for this event, if it is one capture cannot read; empty for every other event. */
    public static Optional<SourceException> check(EventHeaderV4 header, String file) {
        String at = " at " + file + ":" + header.getPosition() + "; capture stopped there so that no change is lost "
                + "without notice";
        String reason = switch (header.getEventType()) {
            case INCIDENT -> "holds an incident event: the server recorded that changes may be missing from its "
                    + "binlog (for example a failed write); take a new snapshot";
            case PRE_GA_WRITE_ROWS, PRE_GA_UPDATE_ROWS, PRE_GA_DELETE_ROWS -> "holds rows events of MySQL 5.1 before "
                    + "its GA release, which Tributary cannot read";
            case UNKNOWN -> unknown(header);
            default -> null;
        };
        return Optional.ofNullable(reason).map(text -> SourceException.fatal("the binlog" + at.substring(0,
                at.indexOf(';')) + " " + text + at.substring(at.indexOf(';'))));
    }

    private static String unknown(EventHeaderV4 header) {
        int number = header instanceof RawTypeHeaders.UnknownTypeHeader raw ? raw.typeNumber() : -1;
        return "holds an event of type " + number + ", which Tributary does not know and which may carry changes";
    }
}
