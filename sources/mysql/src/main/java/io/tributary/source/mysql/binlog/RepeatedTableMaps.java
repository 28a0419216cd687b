package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * Decodes table map events for the binlog client, once per distinct table map: the server writes the same table
 * map before every rows event of a table, so a body byte-for-byte equal to the last one of its table id yields the
 * table map decoded then — the same instance, which lets what depends on it be cached by identity. {@link #forget}
 * drops them all, for when a DDL statement may have changed what a table id's columns mean.
 *
 * <p>Register it with {@link #forEventDeserializer()}: the binlog client decodes a table map for its own use as well
 * as for the event it hands out, and decodes it a second time, in full, unless both come from here.
 */
public final class RepeatedTableMaps implements EventDataDeserializer<TableMapEventData> {
    private static final int TABLE_ID_BYTES = 6;

    private record Seen(byte[] body, TableMapEventData tableMap) {
    }

    private final TableMapEventDataDeserializer full = new TableMapEventDataDeserializer();
    private final Map<Long, Seen> seen = new HashMap<>();

    @Override
    public TableMapEventData deserialize(ByteArrayInputStream stream) throws IOException {
        byte[] body = stream.read(stream.available());
        if (body.length < TABLE_ID_BYTES) {
            return full.deserialize(new ByteArrayInputStream(body));
        }
        long tableId = new BinlogBytes(body).ulong(TABLE_ID_BYTES);
        Seen last = seen.get(tableId);
        if (last != null && Arrays.equals(last.body(), body)) {
            return last.tableMap();
        }
        TableMapEventData tableMap = full.deserialize(new ByteArrayInputStream(body));
        seen.put(tableId, new Seen(body, tableMap));
        return tableMap;
    }

    /**
     * This as the binlog client's TABLE_MAP deserializer; the events it produces carry their table map wrapped
     * ({@link EventDeserializer.EventDataWrapper#internal} unwraps it).
     */
    public EventDataDeserializer<?> forEventDeserializer() {
        return new EventDeserializer.EventDataWrapper.Deserializer(this, this);
    }

    public void forget() {
        seen.clear();
    }
}
