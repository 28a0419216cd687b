package io.tributary.source.mysql.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Optional;

import io.tributary.api.EventSchema;
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.BinaryHandlingMode;
import io.tributary.source.mysql.DecimalHandlingMode;
import io.tributary.source.mysql.TimePrecisionMode;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DeclaredType;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

/** Columns whose type a statement read while streaming spelt its own way, as Debezium's parser types them. */
class DeclaredTypeMappingsTest {
    private static final TableId TABLE = new TableId("shop", "flags");
    private static final ColumnMappings MAPPINGS = new ColumnMappings(DecimalHandlingMode.PRECISE,
            BigintUnsignedHandlingMode.LONG, BinaryHandlingMode.BYTES, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
            true, List.of(), ServerFlavor.MYSQL);

    @Test
    void aBoolIsABooleanTrueUnlessZeroWithItsDefaultWrittenEitherWay() {
        ColumnMapping bool = MAPPINGS.map(TABLE, column("tinyint", "tinyint(1)", "false", "BOOL", Types.BOOLEAN));

        assertThat(bool.schema().type()).isEqualTo(EventSchema.Type.BOOLEAN);
        assertThat(bool.schema().defaultValue()).contains(false);
        assertThat(bool.fromBinlog().apply(-3)).isEqualTo(true);
        assertThat(bool.fromBinlog().apply(0)).isEqualTo(false);
        assertThat(MAPPINGS.map(TABLE, column("tinyint", "tinyint(1)", "1", "BOOLEAN", Types.BOOLEAN)).schema()
                .defaultValue()).contains(true);
        assertThat(MAPPINGS.map(TABLE, column("tinyint", "tinyint(1)", "TRUE", "BOOL", Types.BOOLEAN)).schema()
                .defaultValue()).contains(true);
    }

    @Test
    void trueAndFalseAreOneAndZeroToNumbersAsDebeziumReadsThem() {
        ColumnMapping tinyint = MAPPINGS.map(TABLE, column("tinyint", "tinyint(1)", "FALSE", "TINYINT", Types.TINYINT));
        ColumnMapping decimal = MAPPINGS.map(TABLE, column("decimal", "decimal(5,2)", "true", "DECIMAL",
                Types.DECIMAL));

        assertThat(tinyint.schema().defaultValue()).contains((short) 0);
        assertThat(MAPPINGS.map(TABLE, column("bigint", "bigint", "TRUE", "BIGINT", Types.BIGINT)).schema()
                .defaultValue()).contains(1L);
        assertThat(decimal.schema().defaultValue()).contains(java.math.BigDecimal.ONE); // at the scale the column has: 0 here
    }

    @Test
    void aRealIsAFloatAndTheSameColumnSpeltDoubleADouble() {
        ColumnMapping real = MAPPINGS.map(TABLE, column("double", "double", "1.5", "REAL", Types.REAL));
        ColumnMapping doublePrecision = MAPPINGS.map(TABLE, column("double", "double", "1.5", "DOUBLE PRECISION",
                Types.DOUBLE));

        assertThat(real.schema().type()).isEqualTo(EventSchema.Type.FLOAT32);
        assertThat(real.schema().defaultValue()).contains(1.5f);
        assertThat(real.fromBinlog().apply(0.1d)).isEqualTo(0.1f);
        assertThat(doublePrecision.schema().type()).isEqualTo(EventSchema.Type.FLOAT64);
        assertThat(doublePrecision.schema().defaultValue()).contains(1.5d);
    }

    @Test
    void anIntegerUnsignedIsASignedInt32OnMariaDbAsInDebezium35AndUnsignedOnMySqlAsIn36() {
        ColumnMapping integer = new ColumnMappings(DecimalHandlingMode.PRECISE, BigintUnsignedHandlingMode.LONG,
                BinaryHandlingMode.BYTES, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, true, List.of(),
                ServerFlavor.MARIADB).map(TABLE, column("int", "int unsigned", "7", "INTEGER UNSIGNED", Types.INTEGER));
        ColumnMapping onMySql = MAPPINGS.map(TABLE, column("int", "int unsigned", "7", "INTEGER UNSIGNED",
                Types.INTEGER));
        ColumnMapping intUnsigned = MAPPINGS.map(TABLE, column("int", "int unsigned", "7", "INT UNSIGNED",
                Types.INTEGER));

        assertThat(integer.schema().type()).isEqualTo(EventSchema.Type.INT32);
        assertThat(integer.fromBinlog().apply(-1)).isEqualTo(-1);
        assertThat(onMySql.schema().type()).isEqualTo(EventSchema.Type.INT64);
        assertThat(intUnsigned.schema().type()).isEqualTo(EventSchema.Type.INT64);
        assertThat(intUnsigned.fromBinlog().apply(-1)).isEqualTo(4_294_967_295L);
    }

    private static ColumnDefinition column(String dataType, String columnType, String defaultValue, String spelt,
            int jdbcType) {
        return new ColumnDefinition("c", 1, dataType, columnType, true, Optional.of(defaultValue), Optional.empty(), 3,
                0, List.of(), false, false, Optional.empty(),
                Optional.of(new DeclaredType(spelt, jdbcType, Optional.empty(), Optional.empty())));
    }
}
