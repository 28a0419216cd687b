package io.tributary.source.mysql.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;

/**
 * Spatial values: MySQL stores a 4-byte little-endian SRID followed by standard WKB. Debezium's
 * {@code io.debezium.data.geometry.Point} carries x, y, the WKB and the SRID; every other shape is an
 * {@code io.debezium.data.geometry.Geometry} with WKB and SRID. An SRID of 0 is written as null.
 */
final class Geometries {
    static final EventSchema POINT = EventSchema.struct("io.debezium.data.geometry.Point", EventSchema.fieldsBuilder()
                    .add("x", EventSchema.of(Type.FLOAT64))
                    .add("y", EventSchema.of(Type.FLOAT64))
                    .add("wkb", EventSchema.of(Type.BYTES).asOptional())
                    .add("srid", EventSchema.of(Type.INT32).asOptional())
                    .build())
            .withVersion(1).withDoc("Geometry (POINT)");
    static final EventSchema GEOMETRY = EventSchema.struct("io.debezium.data.geometry.Geometry",
                    EventSchema.fieldsBuilder()
                            .add("wkb", EventSchema.of(Type.BYTES))
                            .add("srid", EventSchema.of(Type.INT32).asOptional())
                            .build())
            // Debezium's Geometry schema is optional whatever the column: a NOT NULL GEOMETRY's field is optional too
            .withVersion(1).withDoc("Geometry").asOptional();

    private Geometries() {
    }

    static Object[] point(byte[] stored) {
        byte[] wkb = wkb(stored);
        ByteBuffer buffer = ByteBuffer.wrap(wkb).order(wkb[0] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return new Object[] {buffer.getDouble(5), buffer.getDouble(13), wkb, srid(stored)};
    }

    static Object[] geometry(byte[] stored) {
        return new Object[] {wkb(stored), srid(stored)};
    }

    private static byte[] wkb(byte[] stored) {
        return Arrays.copyOfRange(stored, 4, stored.length);
    }

    private static Integer srid(byte[] stored) {
        int srid = ByteBuffer.wrap(stored, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return srid == 0 ? null : srid;
    }
}
