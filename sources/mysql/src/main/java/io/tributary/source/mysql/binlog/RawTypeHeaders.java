package io.tributary.source.mysql.binlog;

import java.io.IOException;

import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * Reads event headers as the binlog client does, keeping the type number of an event the client does not know
 * (which it reports only as {@link EventType#UNKNOWN}), so that capture can say which event it could not read. A
 * MariaDB compressed event gets the type of the event it was before compression, and is remembered as compressed
 * until the next header, for {@link MariaDbCompressedEvents} to inflate its body. One instance per event stream.
 */
public final class RawTypeHeaders implements EventHeaderDeserializer<EventHeaderV4> {
    private boolean lastWasCompressed;

    /** A header whose type the client does not know, with the number the server wrote. */
    public static final class UnknownTypeHeader extends EventHeaderV4 {
        private final int typeNumber;

        UnknownTypeHeader(int typeNumber) {
            this.typeNumber = typeNumber;
        }

        public int typeNumber() {
            return typeNumber;
        }
    }

    @Override
    public EventHeaderV4 deserialize(ByteArrayInputStream input) throws IOException {
        long timestamp = input.readLong(4) * 1000L;
        int typeNumber = input.readInteger(1);
        EventType uncompressed = MariaDbCompressedEvents.uncompressedType(typeNumber);
        lastWasCompressed = uncompressed != null;
        EventType type = lastWasCompressed ? uncompressed : EventType.byEventNumber(typeNumber);
        EventHeaderV4 header = type == null ? new UnknownTypeHeader(typeNumber) : new EventHeaderV4();
        header.setTimestamp(timestamp);
        header.setEventType(type == null ? EventType.UNKNOWN : type);
        header.setServerId(input.readLong(4));
        header.setEventLength(input.readLong(4));
        header.setNextPosition(input.readLong(4));
        header.setFlags(input.readInteger(2));
        return header;
    }

    /** Whether the last header read was a MariaDB compressed event's. */
    boolean lastWasCompressed() {
        return lastWasCompressed;
    }
}
