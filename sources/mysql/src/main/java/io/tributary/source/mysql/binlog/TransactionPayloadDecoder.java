package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Map;

import com.github.luben.zstd.ZstdInputStream;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * Decodes MySQL's compressed transactions ({@code binlog_transaction_compression=ON}: one TRANSACTION_PAYLOAD event
 * holding a transaction's events, compressed with zstd) into the events they hold, decoded by {@code inner} — the
 * same decoding capture uses for events outside payloads, so a row reads the same either way. The binlog client's
 * own payload decoder would decode the inner rows with its generic row decoders instead.
 */
public final class TransactionPayloadDecoder implements EventDataDeserializer<TransactionPayloadEventData> {
    /** The header's field types (MySQL's Transaction_payload_event). */
    private static final int END_MARK = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    /** The compression types MySQL writes. */
    private static final int ZSTD = 0;
    private static final int NONE = 255;

    private final EventDeserializer inner;
    private final Map<Long, TableMapEventData> tableMaps;

    /**
     * @param inner decodes the events inside a payload (they carry no checksum)
     * @param tableMaps the table maps rows are decoded against; a payload's own table maps are put there as they
     *     are decoded, since its rows follow them before capture sees any of its events
     */
    public TransactionPayloadDecoder(EventDeserializer inner, Map<Long, TableMapEventData> tableMaps) {
        this.inner = inner;
        this.tableMaps = tableMaps;
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream input) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        data.setCompressionType(ZSTD);
        int type;
        while (input.available() > 0 && (type = input.readPackedInteger()) != END_MARK) {
            int length = input.readPackedInteger();
            switch (type) {
                case PAYLOAD_SIZE -> data.setPayloadSize(input.readPackedInteger());
                case COMPRESSION_TYPE -> data.setCompressionType(input.readPackedInteger());
                case UNCOMPRESSED_SIZE -> data.setUncompressedSize(input.readPackedLong());
                default -> input.read(length); // a field this reader does not need
            }
        }
        data.setPayload(input.read(data.getPayloadSize()));
        data.setUncompressedEvents(events(data));
        return data;
    }

    private ArrayList<Event> events(TransactionPayloadEventData data) throws IOException {
        ArrayList<Event> events = new ArrayList<>();
        try (InputStream decompressed = decompressed(data)) {
            ByteArrayInputStream stream = new ByteArrayInputStream(decompressed);
            for (Event event = inner.nextEvent(stream); event != null; event = inner.nextEvent(stream)) {
                if (event.getHeader().getEventType() == EventType.TABLE_MAP) {
                    // unwrapped: the client reads a payload's table maps as plain table map data
                    TableMapEventData tableMap = (TableMapEventData) EventDeserializer.EventDataWrapper.internal(
                            event.getData());
                    tableMaps.put(tableMap.getTableId(), tableMap);
                    event = new Event(event.getHeader(), tableMap);
                }
                events.add(event);
            }
        }
        return events;
    }

    private static InputStream decompressed(TransactionPayloadEventData data) throws IOException {
        java.io.ByteArrayInputStream payload = new java.io.ByteArrayInputStream(data.getPayload());
        return switch (data.getCompressionType()) {
            case ZSTD -> new ZstdInputStream(payload);
            case NONE -> payload;
            default -> throw new IOException("a compressed transaction (TRANSACTION_PAYLOAD event) uses compression "
                    + "type " + data.getCompressionType() + ", which this reader does not know (MySQL writes zstd, 0)");
        };
    }
}
