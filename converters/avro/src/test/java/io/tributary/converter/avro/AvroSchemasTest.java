package io.tributary.converter.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SinkException;
import org.junit.jupiter.api.Test;

/** The Avro schemas derived from event schemas, and the error for names Avro cannot hold. */
class AvroSchemasTest {
    /**
     * As AvroData: null first, or last for a default; an optional struct null first even with a default, the default
     * then on the record as connect.default (AvroData derives the record from the schema made required, default and
     * all) and in the field; a record met again written as its name.
     */
    @Test
    void optionalFieldsAreUnionsWithNullFirstUnlessTheyHaveADefaultOrAreStructs() {
        EventSchema row = EventSchema.struct("shop.items.Value", EventSchema.fieldsBuilder()
                .add("plain", EventSchema.of(Type.STRING).asOptional())
                .add("defaulted", EventSchema.of(Type.INT16).asOptional().withDefault((short) 3))
                .build());
        EventSchema envelope = EventSchema.struct("shop.items.Envelope", EventSchema.fieldsBuilder()
                .add("before", row.asOptional().withDefault(new Object[] {null, (short) 3}))
                .add("after", row.asOptional())
                .build());

        assertThat(AvroEncoder.avroSchema(envelope)).isEqualTo("{\"type\":\"record\",\"name\":\"Envelope\","
                + "\"namespace\":\"shop.items\",\"fields\":[{\"name\":\"before\",\"type\":[\"null\",{\"type\":\"record\","
                + "\"name\":\"Value\",\"fields\":[{\"name\":\"plain\",\"type\":[\"null\",\"string\"],\"default\":null},"
                + "{\"name\":\"defaulted\",\"type\":[{\"type\":\"int\",\"connect.default\":3,\"connect.type\":\"int16\"},"
                + "\"null\"],\"default\":3}],\"connect.default\":{\"plain\":null,\"defaulted\":3},"
                + "\"connect.name\":\"shop.items.Value\"}],\"default\":{\"plain\":null,"
                + "\"defaulted\":3}},{\"name\":\"after\",\"type\":[\"null\",\"Value\"],\"default\":null}],"
                + "\"connect.name\":\"shop.items.Envelope\"}");
    }

    @Test
    void aNameAvroCannotHoldIsAnErrorSayingHowDebeziumUsersAdjustNames() {
        EventSchema value = EventSchema.struct("shop.lines.Value", EventSchema.fieldsBuilder()
                .add("unit-price", EventSchema.of(Type.INT32)).build());
        AvroEncoder encoder = AvroEncoder.create(new AvroConverterConfig(List.of(URI.create("http://127.0.0.1:9")),
                Optional.empty(), true, SubjectNaming.TOPIC), false, Duration.ofMillis(100));

        assertThatThrownBy(() -> encoder.encode("shop.lines", value, new Object[] {1}))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("shop.lines.Value").hasMessageContaining("unit-price")
                .hasMessageContaining("schema.name.adjustment.mode=avro");
    }
}
