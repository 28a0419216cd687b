package io.tributary.source.mysql.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;

/**
 * How the cells of a table map's columns are stored in its rows events: each column's type code, type metadata and
 * length. A CHAR, ENUM or SET column is announced as STRING with its real type and length packed into the
 * metadata; they are unpacked here once per table map rather than once per cell.
 */
record ColumnLayout(int[] types, int[] metadata, int[] lengths) {
    static final int STRING = 254;
    private static final int ENUM = 247;
    private static final int SET = 248;
    private static final int JSON = 245;

    static ColumnLayout of(TableMapEventData tableMap) {
        byte[] announced = tableMap.getColumnTypes();
        int[] metadata = tableMap.getColumnMetadata();
        int[] types = new int[announced.length];
        int[] lengths = new int[announced.length];
        for (int i = 0; i < announced.length; i++) {
            int type = announced[i] & 0xFF;
            int meta = metadata[i];
            if (type == STRING && meta >= 256) {
                int real = meta >> 8;
                int low = meta & 0xFF;
                if ((real & 0x30) != 0x30) {
                    // CHAR longer than 255 bytes: two bits of the length travel in the type byte
                    type = real | 0x30;
                    lengths[i] = low | (((real & 0x30) ^ 0x30) << 4);
                } else {
                    if (real == ENUM || real == SET) {
                        type = real;
                    }
                    lengths[i] = low;
                }
            } else if (type == STRING) {
                lengths[i] = meta;
            }
            types[i] = type;
        }
        return new ColumnLayout(types, metadata, lengths);
    }

    int columns() {
        return types.length;
    }

    /** The positions of the JSON columns, in table order. */
    int[] jsonColumns() {
        return java.util.stream.IntStream.range(0, types.length).filter(i -> types[i] == JSON).toArray();
    }
}
