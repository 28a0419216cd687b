package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MissingTableMapEventException;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * Decodes a rows event (inserted, updated or deleted rows) for the binlog client: the event's body is read in one
 * piece and its cells decoded from the array ({@link RowCells}), instead of byte by byte from the stream. Produces
 * the client's own event data, so the rest of capture reads it as before. Not thread-safe; the client decodes on
 * its one reading thread.
 */
public final class RowsEventDecoder implements EventDataDeserializer<EventData> {
    /** What a rows event carries. */
    public enum Kind {
        WRITE, UPDATE, DELETE
    }

    private record Decoded(TableMapEventData tableMap, ColumnLayout layout) {
    }

    private final Kind kind;
    private final boolean extraInformation;
    private final Map<Long, TableMapEventData> tableMaps;
    private final Map<Long, Decoded> layouts = new HashMap<>();

    /**
     * @param extraInformation whether the events are version 2 (MySQL's), whose header carries extra data
     * @param tableMaps the table maps seen so far, by table id, which the rows are decoded against
     */
    public RowsEventDecoder(Kind kind, boolean extraInformation, Map<Long, TableMapEventData> tableMaps) {
        this.kind = kind;
        this.extraInformation = extraInformation;
        this.tableMaps = tableMaps;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream stream) throws IOException {
        byte[] body = stream.read(stream.available());
        try {
            return decode(new BinlogBytes(body));
        } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
            throw new IOException("cannot decode a rows event (" + kind.name().toLowerCase() + ", " + body.length
                    + " bytes): " + e.getMessage(), e);
        }
    }

    private EventData decode(BinlogBytes in) throws IOException {
        long tableId = in.ulong(6);
        in.skip(2); // flags
        if (extraInformation) {
            in.skip(in.uint(2) - 2);
        }
        int columns = (int) in.packedInteger();
        BitSet included = in.bitmap(columns);
        BitSet includedAfter = kind == Kind.UPDATE ? in.bitmap(columns) : null;
        ColumnLayout layout = layout(tableId);
        int count = included.cardinality();
        return switch (kind) {
            case WRITE -> {
                WriteRowsEventData data = new WriteRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumns(included);
                data.setRows(rows(layout, included, count, in));
                yield data;
            }
            case DELETE -> {
                DeleteRowsEventData data = new DeleteRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumns(included);
                data.setRows(rows(layout, included, count, in));
                yield data;
            }
            case UPDATE -> {
                UpdateRowsEventData data = new UpdateRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumnsBeforeUpdate(included);
                data.setIncludedColumns(includedAfter);
                int countAfter = includedAfter.cardinality();
                List<Map.Entry<Serializable[], Serializable[]>> rows = new ArrayList<>(1);
                while (in.hasMore()) {
                    Serializable[] before = RowCells.row(layout, included, count, in);
                    rows.add(new AbstractMap.SimpleEntry<>(before, RowCells.row(layout, includedAfter, countAfter, in)));
                }
                data.setRows(rows);
                yield data;
            }
        };
    }

    private static List<Serializable[]> rows(ColumnLayout layout, BitSet included, int count, BinlogBytes in) {
        List<Serializable[]> rows = new ArrayList<>(1);
        while (in.hasMore()) {
            rows.add(RowCells.row(layout, included, count, in));
        }
        return rows;
    }

    private ColumnLayout layout(long tableId) throws IOException {
        TableMapEventData tableMap = tableMaps.get(tableId);
        if (tableMap == null) {
            throw new MissingTableMapEventException("no table map precedes the rows event of table id " + tableId
                    + "; reading must start at a transaction's beginning, not within it");
        }
        Decoded decoded = layouts.get(tableId);
        if (decoded == null || decoded.tableMap() != tableMap) {
            decoded = new Decoded(tableMap, ColumnLayout.of(tableMap));
            layouts.put(tableId, decoded);
        }
        return decoded.layout();
    }
}
