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

    /** The row value option that says JSON columns of an after image may hold partial updates. */
    private static final long PARTIAL_JSON_UPDATES = 1;

    private final Kind kind;
    private final boolean extraInformation;
    private final boolean partialJson;
    private final Map<Long, TableMapEventData> tableMaps;
    private final Map<Long, Decoded> layouts = new HashMap<>();

    /**
     * @param extraInformation whether the events are version 2 (MySQL's), whose header carries extra data
     * @param tableMaps the table maps seen so far, by table id, which the rows are decoded against
     */
    public RowsEventDecoder(Kind kind, boolean extraInformation, Map<Long, TableMapEventData> tableMaps) {
        this(kind, extraInformation, tableMaps, false);
    }

    private RowsEventDecoder(Kind kind, boolean extraInformation, Map<Long, TableMapEventData> tableMaps,
            boolean partialJson) {
        this.kind = kind;
        this.extraInformation = extraInformation;
        this.tableMaps = tableMaps;
        this.partialJson = partialJson;
    }

    /**
     * The decoder of MySQL's PARTIAL_UPDATE_ROWS_EVENT ({@code binlog_row_value_options=PARTIAL_JSON}): updates whose
     * after images may log a JSON column as changes to its before image, which are applied here so that the event
     * carries whole rows like any update.
     */
    public static RowsEventDecoder partialUpdates(Map<Long, TableMapEventData> tableMaps) {
        return new RowsEventDecoder(Kind.UPDATE, true, tableMaps, true);
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
                    Serializable[] after = partialJson
                            ? afterImage(layout, included, before, includedAfter, countAfter, in)
                            : RowCells.row(layout, includedAfter, countAfter, in);
                    rows.add(new AbstractMap.SimpleEntry<>(before, after));
                }
                data.setRows(rows);
                yield data;
            }
        };
    }

    /**
     * The after image of a partial update: its value options, the bitmap of JSON columns logged as changes when they
     * say so, then the row, whose changed JSON columns become their whole new documents (as text).
     */
    private static Serializable[] afterImage(ColumnLayout layout, BitSet includedBefore, Serializable[] before,
            BitSet included, int count, BinlogBytes in) throws IOException {
        BitSet partial = new BitSet();
        if ((in.packedInteger() & PARTIAL_JSON_UPDATES) != 0) {
            int[] json = layout.jsonColumns();
            BitSet logged = in.bitmap(json.length);
            logged.stream().forEach(bit -> partial.set(json[bit]));
        }
        Serializable[] after = RowCells.row(layout, included, count, in, partial);
        for (int column = partial.nextSetBit(0); column >= 0; column = partial.nextSetBit(column + 1)) {
            if (!included.get(column) || !(after[imageIndex(included, column)] instanceof JsonDiffs diffs)) {
                continue;
            }
            Serializable old = includedBefore.get(column) ? before[imageIndex(includedBefore, column)] : null;
            if (!(old instanceof byte[] document)) {
                throw new IOException("a partial JSON update of column " + (column + 1) + " has no document in the "
                        + "row's before image to apply to (binlog_row_image must be FULL)");
            }
            after[imageIndex(included, column)] = diffs.applyTo(document);
        }
        return after;
    }

    /** Where a column's cell is in an image of the {@code included} columns. */
    private static int imageIndex(BitSet included, int column) {
        return included.get(0, column).cardinality();
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
