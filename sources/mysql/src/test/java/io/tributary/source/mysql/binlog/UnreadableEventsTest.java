package io.tributary.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.tributary.api.SourceException;
import org.junit.jupiter.api.Test;

class UnreadableEventsTest {

    @Test
    void anEventTheClientDoesNotKnowKeepsItsTypeNumberAndStopsCapture() throws IOException {
        EventHeaderV4 header = header(120, 1_000);

        assertThat(header.getEventType()).isEqualTo(EventType.UNKNOWN);
        assertThat(header).isInstanceOfSatisfying(RawTypeHeaders.UnknownTypeHeader.class,
                raw -> assertThat(raw.typeNumber()).isEqualTo(120));
        assertThat(UnreadableEvents.check(header, "binlog.000007")).get()
                .extracting(SourceException::getMessage).asString()
                .startsWith("the binlog at binlog.000007:900 holds an event of type 120, which Tributary does not know")
                .endsWith("capture stopped there so that no change is lost without notice");
        assertThat(UnreadableEvents.check(header(200, 500), "binlog.000001")).get()
                .extracting(SourceException::isRetriable).isEqualTo(false);
    }

    @Test
    void eventsWithoutChangesPassAndOnesWithChangesCaptureCannotReadStop() throws IOException {
        assertThat(UnreadableEvents.check(header(EventType.HEARTBEAT_V2, 41), "f")).isEmpty();
        assertThat(UnreadableEvents.check(header(EventType.GTID_TAGGED, 42), "f"))
                .as("a tagged GTID, which the reader handles").isEmpty();
        assertThat(UnreadableEvents.check(header(EventType.FORMAT_DESCRIPTION, 15), "f")).isEmpty();
        assertThat(UnreadableEvents.check(header(EventType.PREVIOUS_GTIDS, 35), "f")).isEmpty();
        assertThat(UnreadableEvents.check(header(EventType.PARTIAL_UPDATE_ROWS_EVENT, 39), "f"))
                .as("partial JSON updates, which capture applies").isEmpty();
        assertThat(UnreadableEvents.check(header(EventType.INCIDENT, 26), "f")).get()
                .extracting(SourceException::getMessage).asString().contains("take a new snapshot");
    }

    /** A header as the server writes it: timestamp, type, server id, length, next position, flags. */
    private static EventHeaderV4 header(int type, long nextPosition) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(1_700_000_000).put((byte) type).putInt(1).putInt(100).putInt((int) nextPosition)
                .putShort((short) 0);
        return new RawTypeHeaders().deserialize(new ByteArrayInputStream(bytes.array()));
    }

    private static EventHeaderV4 header(EventType type, int number) throws IOException {
        EventHeaderV4 header = header(number, 500);
        assertThat(header.getEventType()).isEqualTo(type);
        return header;
    }
}
