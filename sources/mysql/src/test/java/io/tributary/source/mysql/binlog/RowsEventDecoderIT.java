package io.tributary.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.ByteArrayEventData;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ByteArrayEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Tributary's rows-event decoding against the binlog client's own, on the same events from a real server (a subclass per server): a table
 * of every column type capture decodes, rows of random values (NULLs, negatives, extremes, zero and pre-Gregorian
 * dates, multi-byte text) inserted, updated and deleted. Every cell must come out equal — except TIME, which the
 * client decodes wrongly when negative (covered by {@link RowCellsTest} and the differential tests against
 * Debezium).
 */
abstract class RowsEventDecoderIT {
    private static final String[] COLUMNS = {
        "t TINYINT", "tu TINYINT UNSIGNED", "s SMALLINT", "m MEDIUMINT", "i INT", "iu INT UNSIGNED", "b BIGINT",
        "bu BIGINT UNSIGNED", "f FLOAT", "d DOUBLE", "d1 DECIMAL(10,2)", "d2 DECIMAL(30,10)", "d3 DECIMAL(65,30)",
        "d4 DECIMAL(5,0)", "bit1 BIT(1)", "bit13 BIT(13)", "c CHAR(5)", "cl CHAR(100) CHARACTER SET utf8mb4",
        "v VARCHAR(20)", "vl VARCHAR(300) CHARACTER SET utf8mb4", "bin BINARY(4)", "vb VARBINARY(10)", "tt TINYTEXT",
        "tx TEXT", "mt MEDIUMTEXT", "lb LONGBLOB", "dt DATE", "dtm DATETIME", "dtm3 DATETIME(3)", "dtm6 DATETIME(6)",
        "ts TIMESTAMP(6) NULL", "ts0 TIMESTAMP NULL", "tm TIME(3)", "y YEAR", "e ENUM('a','b','c')",
        "st SET('x','y','z')", "j JSON", "g GEOMETRY"};
    private static final int TIME_COLUMN = 33; // counting the id column
    /** DATE, DATETIME, DATETIME(3) and DATETIME(6), counting the id column. */
    private static final java.util.Set<Integer> DATE_COLUMNS = java.util.Set.of(27, 28, 29, 30);

    /** A server ready for CDC. */
    abstract TestingBinlogServer startServer();

    @Test
    void decodesEveryCellAsTheBinlogClientDoes() throws Exception {
        try (TestingBinlogServer server = startServer()) {
            server.execute("CREATE DATABASE shop", "CREATE TABLE shop.cells (id INT PRIMARY KEY, "
                    + String.join(", ", COLUMNS) + ")", "CREATE TABLE shop.done (id INT PRIMARY KEY)");
            Random random = new Random(7);
            List<String> statements = new ArrayList<>();
            statements.add("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            statements.add("SET SESSION time_zone = '+00:00'");
            for (int id = 1; id <= 120; id++) {
                statements.add("INSERT INTO shop.cells VALUES (" + id + ", " + values(random, id) + ")");
            }
            for (int id = 1; id <= 120; id += 3) {
                statements.add("UPDATE shop.cells SET d1 = -d1, vl = CONCAT(vl, 'ü'), dtm6 = NOW(6), st = 'x,z', "
                        + "e = NULL WHERE id = " + id);
            }
            statements.add("DELETE FROM shop.cells WHERE id % 4 = 0");
            statements.add("INSERT INTO shop.done VALUES (1)");
            server.execute(statements.toArray(String[]::new));

            List<Captured> events = capture(server);

            Map<Long, TableMapEventData> tableMaps = new HashMap<>();
            events.stream().filter(event -> event.tableMap() != null)
                    .forEach(event -> tableMaps.put(event.tableMap().getTableId(), event.tableMap()));
            EventDeserializer client = new EventDeserializer();
            client.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                    EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                    EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
            int rows = 0;
            for (Captured event : events) {
                if (event.body() == null) {
                    continue;
                }
                EventDataDeserializer<?> theirs = client.getEventDataDeserializer(event.type());
                // the client keeps its table maps in a map of its own, filled as it reads TABLE_MAP events
                setTableMaps(theirs, tableMaps);
                RowsEventDecoder ours = new RowsEventDecoder(kind(event.type()), version2(event.type()), tableMaps);

                List<List<Object>> expected = cells(theirs.deserialize(new ByteArrayInputStream(event.body())), true);
                List<List<Object>> decoded = cells(ours.deserialize(new ByteArrayInputStream(event.body())), false);

                assertThat(decoded).hasSameSizeAs(expected);
                for (int row = 0; row < expected.size(); row++) {
                    assertThat(decoded.get(row)).as("row %d of a %s event", row, event.type())
                            .isEqualTo(expected.get(row));
                }
                rows += expected.size();
            }
            assertThat(rows).isEqualTo(120 + 40 * 2 + 30 + 1);
        }
    }

    private static String values(Random random, int id) {
        List<String> values = new ArrayList<>();
        values.add(orNull(random, String.valueOf(random.nextInt(256) - 128)));
        values.add(orNull(random, String.valueOf(random.nextInt(256))));
        values.add(orNull(random, String.valueOf(random.nextInt(65536) - 32768)));
        values.add(orNull(random, String.valueOf(random.nextInt(1 << 24) - (1 << 23))));
        values.add(orNull(random, String.valueOf(random.nextInt())));
        values.add(orNull(random, Long.toString(random.nextInt() & 0xFFFFFFFFL)));
        values.add(orNull(random, String.valueOf(id % 5 == 0 ? Long.MIN_VALUE : random.nextLong())));
        values.add(orNull(random, Long.toUnsignedString(id % 5 == 0 ? -1L : random.nextLong())));
        values.add(orNull(random, String.valueOf(random.nextFloat() * 1000 - 500)));
        values.add(orNull(random, String.valueOf(random.nextDouble() * 1e12 - 5e11)));
        values.add(orNull(random, decimal(random, 8, 2)));
        values.add(orNull(random, decimal(random, 20, 10)));
        values.add(orNull(random, decimal(random, 35, 30)));
        values.add(orNull(random, decimal(random, 5, 0)));
        values.add(orNull(random, "b'" + random.nextInt(2) + "'"));
        values.add(orNull(random, "b'" + Integer.toBinaryString(random.nextInt(1 << 13)) + "'"));
        values.add(orNull(random, "'" + text(random, 5, false) + "'"));
        values.add(orNull(random, "'" + text(random, 100, true) + "'"));
        values.add(orNull(random, "'" + text(random, 20, false) + "'"));
        values.add(orNull(random, "'" + text(random, 300, true) + "'"));
        values.add(orNull(random, "x'" + HexFormat.of().formatHex(bytes(random, 1 + random.nextInt(4))) + "'"));
        values.add(orNull(random, "x'" + HexFormat.of().formatHex(bytes(random, random.nextInt(11))) + "'"));
        values.add(orNull(random, "'" + text(random, 60, true) + "'"));
        values.add(orNull(random, "'" + text(random, 2000, true) + "'"));
        values.add(orNull(random, "'" + text(random, 70_000, false) + "'"));
        values.add(orNull(random, "x'" + HexFormat.of().formatHex(bytes(random, random.nextInt(300))) + "'"));
        String[] dates = {"'2026-11-30'", "'0000-00-00'", "'1000-01-01'", "'1582-10-04'", "'9999-12-31'",
            "'2024-02-30'", "'1969-12-31'"};
        values.add(orNull(random, dates[random.nextInt(dates.length)]));
        String[] times = {"10:20:30", "00:00:00", "23:59:59"};
        String[] datetimeDates = {"2026-11-30", "0000-00-00", "1001-03-04", "1969-12-31", "9999-12-31", "2024-02-30"};
        for (String fraction : new String[] {"", ".123", ".987654"}) {
            values.add(orNull(random, "'" + datetimeDates[random.nextInt(datetimeDates.length)] + " "
                    + times[random.nextInt(times.length)] + fraction + "'"));
        }
        values.add(orNull(random, "'" + (1971 + random.nextInt(60)) + "-06-15 12:34:56." + random.nextInt(999_999)
                + "'"));
        values.add(orNull(random, random.nextBoolean() ? "'0000-00-00 00:00:00'" : "'2001-02-03 04:05:06'"));
        values.add(orNull(random, "'-" + random.nextInt(838) + ":12:13.5'"));
        values.add(orNull(random, String.valueOf(random.nextBoolean() ? 0 : 1901 + random.nextInt(254))));
        values.add(orNull(random, "'" + "abc".charAt(random.nextInt(3)) + "'"));
        values.add(orNull(random, random.nextBoolean() ? "''" : "'x,y'"));
        values.add(orNull(random, "'{\"n\": " + random.nextInt() + ", \"s\": \"ü\", \"a\": [1, 2.5, null]}'"));
        values.add(orNull(random, "ST_GeomFromText('POINT(" + random.nextInt(100) + " " + random.nextInt(100) + ")')"));
        return String.join(", ", values);
    }

    private static String orNull(Random random, String value) {
        return random.nextInt(8) == 0 ? "NULL" : value;
    }

    private static String decimal(Random random, int integralDigits, int scale) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        int digits = 1 + random.nextInt(integralDigits);
        for (int i = 0; i < digits; i++) {
            text.append(random.nextInt(10));
        }
        if (scale > 0) {
            text.append('.');
            for (int i = 0; i < scale; i++) {
                text.append(random.nextInt(10));
            }
        }
        return text.toString();
    }

    private static String text(Random random, int maxLength, boolean multiByte) {
        String alphabet = multiByte ? "abcxyz019 ü€✓" : "abcdefghijklmnopqrstuvwxyz0123456789 ";
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private record Captured(EventType type, TableMapEventData tableMap, byte[] body) {
    }

    /** The binlog's table maps and the raw bodies of its rows events, up to the insert into shop.done. */
    private static List<Captured> capture(TestingBinlogServer server) throws Exception {
        BinaryLogClient client = new BinaryLogClient(server.host(), server.port(), TestingBinlogServer.CDC_USER,
                TestingBinlogServer.CDC_PASSWORD);
        client.setServerId(7100);
        client.setBinlogFilename("");
        client.setBinlogPosition(4);
        client.setKeepAlive(false);
        EventDeserializer raw = new EventDeserializer();
        // MariaDB writes version 1 rows events, MySQL version 2
        for (EventType type : List.of(EventType.WRITE_ROWS, EventType.UPDATE_ROWS, EventType.DELETE_ROWS,
                EventType.EXT_WRITE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.EXT_DELETE_ROWS)) {
            raw.setEventDataDeserializer(type, new ByteArrayEventDataDeserializer());
        }
        client.setEventDeserializer(raw);
        List<Captured> events = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        boolean[] doneMapped = {false};
        client.registerEventListener(event -> {
            if (event.getData() instanceof TableMapEventData map) {
                events.add(new Captured(EventType.TABLE_MAP, map, null));
                doneMapped[0] = map.getTable().equals("done");
            } else if (event.getData() instanceof ByteArrayEventData rows) {
                events.add(new Captured(event.getHeader().getEventType(), null, rows.getData()));
                if (doneMapped[0]) {
                    done.countDown(); // the rows event of the insert into shop.done
                }
            }
        });
        client.connect(10_000);
        boolean complete = done.await(60, TimeUnit.SECONDS);
        client.disconnect();
        assertThat(complete).as("the binlog reached the insert into shop.done").isTrue();
        return events;
    }

    @SuppressWarnings("unchecked")
    private static void setTableMaps(EventDataDeserializer<?> deserializer, Map<Long, TableMapEventData> tableMaps)
            throws ReflectiveOperationException {
        var field = com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer.class
                .getDeclaredField("tableMapEventByTableId");
        field.setAccessible(true);
        ((Map<Long, TableMapEventData>) field.get(deserializer)).putAll(tableMaps);
    }

    private static boolean version2(EventType type) {
        return EnumSet.of(EventType.EXT_WRITE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.EXT_DELETE_ROWS).contains(type);
    }

    private static RowsEventDecoder.Kind kind(EventType type) {
        return switch (type) {
            case WRITE_ROWS, EXT_WRITE_ROWS -> RowsEventDecoder.Kind.WRITE;
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> RowsEventDecoder.Kind.UPDATE;
            case DELETE_ROWS, EXT_DELETE_ROWS -> RowsEventDecoder.Kind.DELETE;
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /** Each row's cells (an update's before and after image in turn), comparable: bytes as hex. */
    /**
     * The cells in comparable form. The binlog client reckons dates before 1582-10-15 in the Julian calendar, as
     * {@code java.util.Calendar} does, where Tributary (as Debezium) reckons them proleptic Gregorian: the client's
     * dates are compared by their calendar fields.
     */
    private static List<List<Object>> cells(EventData data, boolean fromClient) {
        List<Serializable[]> rows = new ArrayList<>();
        if (data instanceof WriteRowsEventData write) {
            rows.addAll(write.getRows());
        } else if (data instanceof DeleteRowsEventData delete) {
            rows.addAll(delete.getRows());
        } else {
            for (Map.Entry<Serializable[], Serializable[]> change : ((UpdateRowsEventData) data).getRows()) {
                rows.add(change.getKey());
                rows.add(change.getValue());
            }
        }
        List<List<Object>> cells = new ArrayList<>();
        for (Serializable[] row : rows) {
            List<Object> comparable = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                Object cell = fromClient && DATE_COLUMNS.contains(i) && row[i] instanceof Long micros
                        ? prolepticOfJulian(micros) : row[i];
                comparable.add(i == TIME_COLUMN ? "(TIME)" : cell instanceof byte[] bytes
                        ? HexFormat.of().formatHex(bytes) : cell instanceof BitSet bits ? "bits" + bits
                        : cell == null ? "NULL" : cell.getClass().getSimpleName() + ":" + cell);
            }
            cells.add(comparable);
        }
        return cells;
    }

    private static long prolepticOfJulian(long micros) {
        if (micros == Long.MIN_VALUE) {
            return micros;
        }
        java.util.GregorianCalendar calendar = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("GMT"));
        calendar.setTimeInMillis(Math.floorDiv(micros, 1000));
        java.time.LocalDateTime fields = java.time.LocalDateTime.of(calendar.get(java.util.Calendar.YEAR),
                calendar.get(java.util.Calendar.MONTH) + 1, calendar.get(java.util.Calendar.DAY_OF_MONTH),
                calendar.get(java.util.Calendar.HOUR_OF_DAY), calendar.get(java.util.Calendar.MINUTE),
                calendar.get(java.util.Calendar.SECOND));
        return fields.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000 + Math.floorMod(micros, 1_000_000);
    }
}
