package io.tributary.converter.avro;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tributary.api.EventSchema;
import io.tributary.core.json.ByteSink;

/**
 * Writes values of one schema in Avro's binary encoding, as the schema {@link AvroSchemas} derives for it reads
 * them. A schema is compiled once into a tree of writers, so that encoding a record walks values, not schemas.
 *
 * <p>As Connect's {@code Struct.get} does, a null field with a default is written as that default; an optional value
 * is a union branch (null's index is 0, or 1 when a non-struct schema has a default and null comes last).
 */
abstract class AvroWriter {
    /** The union index a present value is written with, -1 for a required schema. */
    private int presentBranch = -1;
    private int nullBranch = -1;

    static AvroWriter compile(EventSchema schema) {
        AvroWriter writer = switch (schema.type()) {
            case INT8, INT16, INT32 -> new Int();
            case INT64 -> new Long64();
            case FLOAT32 -> new Float32();
            case FLOAT64 -> new Float64();
            case BOOLEAN -> new Bool();
            case STRING -> new Text();
            case BYTES -> new Bytes();
            case ARRAY -> new Array(compile(schema.items().orElseThrow()));
            case STRUCT -> new Record(schema.fields());
        };
        if (schema.optional()) {
            boolean nullLast = schema.defaultValue().isPresent() && schema.type() != EventSchema.Type.STRUCT;
            writer.presentBranch = nullLast ? 0 : 1;
            writer.nullBranch = nullLast ? 1 : 0;
        }
        return writer;
    }

    final void write(ByteSink out, Object value) {
        if (value == null) {
            if (nullBranch < 0) {
                throw new IllegalArgumentException("null value for a required " + getClass().getSimpleName()
                        + " without a default");
            }
            writeLong(out, nullBranch);
            return;
        }
        if (presentBranch >= 0) {
            writeLong(out, presentBranch);
        }
        writePresent(out, value);
    }

    abstract void writePresent(ByteSink out, Object value);

    /** Avro's long: zig-zag, then seven bits a byte, low bits first. */
    static void writeLong(ByteSink out, long value) {
        long bits = (value << 1) ^ (value >> 63);
        while ((bits & ~0x7FL) != 0) {
            out.write((int) ((bits & 0x7F) | 0x80));
            bits >>>= 7;
        }
        out.write((int) bits);
    }

    static void writeBytes(ByteSink out, byte[] bytes) {
        writeLong(out, bytes.length);
        out.write(bytes);
    }

    private static final class Int extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            writeLong(out, ((Number) value).intValue());
        }
    }

    private static final class Long64 extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            writeLong(out, (Long) value);
        }
    }

    private static final class Float32 extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            int bits = Float.floatToRawIntBits((Float) value);
            for (int shift = 0; shift < 32; shift += 8) {
                out.write(bits >>> shift);
            }
        }
    }

    private static final class Float64 extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            long bits = Double.doubleToRawLongBits((Double) value);
            for (int shift = 0; shift < 64; shift += 8) {
                out.write((int) (bits >>> shift));
            }
        }
    }

    private static final class Bool extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            out.write((Boolean) value ? 1 : 0);
        }
    }

    /**
     * Strings as their UTF-8 bytes, remembering the last one's by identity: a source hands the same instances of its
     * database, table, binlog file and transaction id to every event they apply to.
     */
    private static final class Text extends AvroWriter {
        private String last;
        private byte[] lastBytes;

        @Override
        void writePresent(ByteSink out, Object value) {
            String text = (String) value;
            if (text != last) {
                lastBytes = text.getBytes(StandardCharsets.UTF_8);
                last = text;
            }
            writeBytes(out, lastBytes);
        }
    }

    /** Bytes, and Connect's Decimal as its unscaled value's big-endian two's complement. */
    private static final class Bytes extends AvroWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            writeBytes(out, value instanceof BigDecimal decimal ? decimal.unscaledValue().toByteArray()
                    : (byte[]) value);
        }
    }

    /** An array as one block of all its items, then the empty block that ends it. */
    private static final class Array extends AvroWriter {
        private final AvroWriter items;

        Array(AvroWriter items) {
            this.items = items;
        }

        @Override
        void writePresent(ByteSink out, Object value) {
            List<?> list = (List<?>) value;
            if (!list.isEmpty()) {
                writeLong(out, list.size());
                for (Object item : list) {
                    items.write(out, item);
                }
            }
            out.write(0);
        }
    }

    /** A record's fields in order; a null field with a default is written as the default, as Struct.get gives it. */
    private static final class Record extends AvroWriter {
        private final AvroWriter[] fields;
        private final Object[] defaults;

        Record(List<EventSchema.Field> schemaFields) {
            fields = new AvroWriter[schemaFields.size()];
            defaults = new Object[schemaFields.size()];
            for (EventSchema.Field field : schemaFields) {
                fields[field.index()] = compile(field.schema());
                defaults[field.index()] = field.schema().defaultValue().orElse(null);
            }
        }

        @Override
        void writePresent(ByteSink out, Object value) {
            Object[] values = (Object[]) value;
            for (int i = 0; i < fields.length; i++) {
                Object field = values[i];
                fields[i].write(out, field == null ? defaults[i] : field);
            }
        }
    }
}
