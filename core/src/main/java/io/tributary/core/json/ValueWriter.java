package io.tributary.core.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tributary.api.EventSchema;

/**
 * Writes values of one schema as JsonConverter's payload JSON. A schema is compiled once into a tree of writers —
 * struct field names already quoted and encoded, the JSON of each default value computed — so that encoding a
 * record walks values, not schemas.
 */
abstract class ValueWriter {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** What a null value is written as: the schema's default ({@code replace.null.with.default}), else null. */
    private byte[] whenNull = NULL;

    static ValueWriter compile(EventSchema schema) {
        ValueWriter writer = switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> new Integral();
            case FLOAT32 -> new Float32();
            case FLOAT64 -> new Float64();
            case BOOLEAN -> new Bool();
            case STRING -> new Text();
            case BYTES -> new Bytes();
            case ARRAY -> new Array(compile(schema.items().orElseThrow()));
            case STRUCT -> new Struct(schema.fields());
        };
        if (schema.defaultValue().isPresent()) {
            ByteSink defaultJson = new ByteSink();
            writer.write(defaultJson, schema.defaultValue().get());
            writer.whenNull = defaultJson.toByteArray();
        }
        return writer;
    }

    final void write(ByteSink out, Object value) {
        if (value == null) {
            out.write(whenNull);
        } else {
            writePresent(out, value);
        }
    }

    abstract void writePresent(ByteSink out, Object value);

    /**
     * Writes integers, remembering the last one's digits: timestamps, positions and server ids repeat from one event
     * to the next (all rows of a binlog event share its timestamp, and thousands of events share a millisecond).
     */
    private static final class Integral extends ValueWriter {
        private final LastWritten lastDigits = new LastWritten(20);
        private long last;

        @Override
        void writePresent(ByteSink out, Object value) {
            long number = ((Number) value).longValue();
            if (number == last && lastDigits.writeAgain(out)) {
                return;
            }
            int start = out.size();
            out.writeLong(number);
            lastDigits.keep(out, start);
            last = number;
        }
    }

    private static final class Float32 extends ValueWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            float number = (Float) value;
            writeNumber(out, Float.toString(number), Float.isNaN(number) || Float.isInfinite(number));
        }
    }

    private static final class Float64 extends ValueWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            double number = (Double) value;
            writeNumber(out, Double.toString(number), Double.isNaN(number) || Double.isInfinite(number));
        }
    }

    /** A number; NaN and the infinities quoted ({@code "NaN"}, {@code "-Infinity"}), as Jackson writes them. */
    private static void writeNumber(ByteSink out, String text, boolean notFinite) {
        if (notFinite) {
            out.writeAscii("\"");
            out.writeAscii(text);
            out.writeAscii("\"");
        } else {
            out.writeAscii(text);
        }
    }

    private static final class Bool extends ValueWriter {
        private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

        @Override
        void writePresent(ByteSink out, Object value) {
            out.write((Boolean) value ? TRUE : FALSE);
        }
    }

    /**
     * Writes strings, remembering the JSON of the last short one by identity: a source hands the same instances of
     * its database, table, binlog file and transaction id to every event they apply to.
     */
    private static final class Text extends ValueWriter {
        private final LastWritten lastJson = new LastWritten(128);
        private String last;

        @Override
        void writePresent(ByteSink out, Object value) {
            String text = (String) value;
            if (text == last && lastJson.writeAgain(out)) {
                return;
            }
            int start = out.size();
            out.writeJsonString(text);
            last = lastJson.keep(out, start) ? text : null;
        }
    }

    /** The bytes a writer wrote for its last value, if they fit, to write again when that value comes back. */
    private static final class LastWritten {
        private final byte[] bytes;
        private int length = -1;

        LastWritten(int capacity) {
            bytes = new byte[capacity];
        }

        /** Writes the kept bytes; false, writing nothing, when none are kept. */
        boolean writeAgain(ByteSink out) {
            if (length < 0) {
                return false;
            }
            out.write(bytes, 0, length);
            return true;
        }

        /** Keeps what was written to {@code out} from {@code start} on; false, keeping nothing, when it does not fit. */
        boolean keep(ByteSink out, int start) {
            length = out.size() - start <= bytes.length ? out.copyWrittenSince(start, bytes) : -1;
            return length >= 0;
        }
    }

    /** Bytes, and Connect's {@code Decimal} (a BigDecimal under a BYTES schema). */
    private static final class Bytes extends ValueWriter {
        @Override
        void writePresent(ByteSink out, Object value) {
            if (value instanceof BigDecimal decimal) {
                JsonText.decimal(out, decimal);
            } else {
                JsonText.bytes(out, (byte[]) value);
            }
        }
    }

    private static final class Array extends ValueWriter {
        private final ValueWriter items;

        Array(ValueWriter items) {
            this.items = items;
        }

        @Override
        void writePresent(ByteSink out, Object value) {
            List<?> values = (List<?>) value;
            out.write('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.write(out, values.get(i));
            }
            out.write(']');
        }
    }

    private static final class Struct extends ValueWriter {
        /** Per field: {@code {"name":} for the first, {@code ,"name":} for the others. */
        private final byte[][] prefixes;
        private final int[] indexes;
        private final ValueWriter[] writers;

        Struct(List<EventSchema.Field> fields) {
            prefixes = new byte[fields.size()][];
            indexes = new int[fields.size()];
            writers = new ValueWriter[fields.size()];
            ByteSink prefix = new ByteSink();
            for (int i = 0; i < fields.size(); i++) {
                EventSchema.Field field = fields.get(i);
                prefix.reset();
                prefix.write(i == 0 ? '{' : ',');
                prefix.writeJsonString(field.name());
                prefix.write(':');
                prefixes[i] = prefix.toByteArray();
                indexes[i] = field.index();
                writers[i] = compile(field.schema());
            }
        }

        @Override
        void writePresent(ByteSink out, Object value) {
            Object[] values = (Object[]) value;
            if (writers.length == 0) {
                out.write('{');
            }
            for (int i = 0; i < writers.length; i++) {
                out.write(prefixes[i]);
                writers[i].write(out, values[indexes[i]]);
            }
            out.write('}');
        }
    }
}
