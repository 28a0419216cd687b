package io.tributary.source.mysql.binlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * MariaDB's compressed events ({@code log_bin_compress=ON}): a query event whose statement, or a rows event whose
 * rows, the server compressed with zlib once they passed {@code log_bin_compress_min_len}. Each is read as the
 * uncompressed event of the same kind, which is what a MariaDB replica's I/O thread turns it into: the compressed part
 * starts with a byte whose top bit is set and whose low three bits count the bytes of the uncompressed length that
 * follow (most significant first), then the zlib stream.
 */
public final class MariaDbCompressedEvents {
    private static final int QUERY_POST_HEADER = 13;

    private MariaDbCompressedEvents() {
    }

    /** The uncompressed event type a MariaDB compressed event type number stands for; null for any other number. */
    static EventType uncompressedType(int typeNumber) {
        return switch (typeNumber) {
            case 165 -> EventType.QUERY;
            case 166 -> EventType.WRITE_ROWS;
            case 167 -> EventType.UPDATE_ROWS;
            case 168 -> EventType.DELETE_ROWS;
            case 169 -> EventType.EXT_WRITE_ROWS;
            case 170 -> EventType.EXT_UPDATE_ROWS;
            case 171 -> EventType.EXT_DELETE_ROWS;
            default -> null;
        };
    }

    /** Reads query events, compressed ones as the events they were before compression. */
    public static <T extends EventData> EventDataDeserializer<T> queries(EventDataDeserializer<T> plain,
            RawTypeHeaders headers) {
        return input -> plain.deserialize(headers.lastWasCompressed() ? uncompressedQuery(input) : input);
    }

    /** Reads rows events of {@code type}, compressed ones as the events they were before compression. */
    public static <T extends EventData> EventDataDeserializer<T> rows(EventDataDeserializer<T> plain, EventType type,
            RawTypeHeaders headers) {
        return input -> plain.deserialize(headers.lastWasCompressed() ? uncompressedRows(input, type) : input);
    }

    /** Post-header, status variables, database and its terminating zero as they are; the statement inflated. */
    private static ByteArrayInputStream uncompressedQuery(ByteArrayInputStream input) throws IOException {
        byte[] postHeader = input.read(QUERY_POST_HEADER);
        int databaseLength = postHeader[8] & 0xff;
        int statusLength = (postHeader[11] & 0xff) | (postHeader[12] & 0xff) << 8;
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        event.write(postHeader);
        event.write(input.read(statusLength + databaseLength + 1));
        event.write(inflate(input));
        return new ByteArrayInputStream(event.toByteArray());
    }

    /** Table id, flags, (version 2) extra data, column count and bitmaps as they are; the rows inflated. */
    private static ByteArrayInputStream uncompressedRows(ByteArrayInputStream input, EventType type)
            throws IOException {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        event.write(input.read(8));
        if (type == EventType.EXT_WRITE_ROWS || type == EventType.EXT_UPDATE_ROWS
                || type == EventType.EXT_DELETE_ROWS) {
            byte[] extraLength = input.read(2);
            event.write(extraLength);
            event.write(input.read(((extraLength[0] & 0xff) | (extraLength[1] & 0xff) << 8) - 2));
        }
        int first = input.read();
        event.write(first);
        long columns = first;
        if (first >= 251) {
            int width = first == 252 ? 2 : first == 253 ? 3 : 8;
            byte[] bytes = input.read(width);
            event.write(bytes);
            columns = 0;
            for (int i = width - 1; i >= 0; i--) {
                columns = columns << 8 | (bytes[i] & 0xff);
            }
        }
        int bitmap = (int) ((columns + 7) / 8);
        event.write(input.read(EventType.isUpdate(type) ? 2 * bitmap : bitmap));
        event.write(inflate(input));
        return new ByteArrayInputStream(event.toByteArray());
    }

    /** The rest of the event: the compression header, the uncompressed length and the zlib stream, inflated. */
    private static byte[] inflate(ByteArrayInputStream input) throws IOException {
        int header = input.read();
        if ((header & 0x80) == 0) {
            throw new IOException("a MariaDB compressed event does not start its compressed part with a header byte "
                    + "(found 0x" + Integer.toHexString(header) + ")");
        }
        int lengthBytes = header & 0x07;
        byte[] length = input.read(lengthBytes);
        int size = 0;
        for (byte b : length) {
            size = size << 8 | (b & 0xff);
        }
        byte[] compressed = input.read(input.available());
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[size];
            int inflated = 0;
            while (inflated < size && !inflater.finished()) {
                int n = inflater.inflate(out, inflated, size - inflated);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                inflated += n;
            }
            if (inflated != size) {
                throw new IOException("a MariaDB compressed event inflated to " + inflated + " bytes, its header says "
                        + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("a MariaDB compressed event holds no valid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
