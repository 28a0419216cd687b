package io.tributary.compat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The type catalogue under each option that changes how events look — decimal, bigint, binary and time modes,
 * tombstones, column and table lists, skipped operations, masking, hashing, truncation, source-type propagation,
 * converters, failure modes — captured by Debezium and by Tributary: the events must be the same, in the same order.
 * A class of its own (not part of {@link TypeCatalogDifferentialIT}) so that the build's two test forks share the work.
 * {@link MariaDbTypeCatalogOptionsDifferentialIT} runs it on MariaDB with Debezium 3.5,
 * {@code MySqlTypeCatalogOptionsDifferentialIT} in compat-mysql on MySQL with Debezium 3.6.
 */
abstract class TypeCatalogOptionsDifferentialIT extends CatalogueRuns {
    /**
     * Options that change how events look: each variant (one or more {@code key=value}, separated by {@code ;}) is
     * captured by both and compared, with or without schemas.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optionVariants")
    void optionVariantsEqualDebeziums(String variant) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(Map.of("database.include.list", "catalog",
                "include.schema.changes", "false"));
        for (String option : variant.split(";")) {
            String[] keyValue = option.split("=", 2);
            config.put(keyValue[0].trim(), keyValue[1].trim());
        }
        compareUntilQuiet("option-" + Integer.toHexString(variant.hashCode()), config,
                "TRUNCATE TABLE catalog.keyless");
    }

    static Stream<String> optionVariants() {
        return Stream.of(
                "decimal.handling.mode=string",
                "decimal.handling.mode=double",
                "bigint.unsigned.handling.mode=precise",
                // BINARY(n) (padded), VARBINARY, the BLOBs, binary keys and defaults as text
                "binary.handling.mode=base64",
                "binary.handling.mode=base64-url-safe",
                "binary.handling.mode=hex",
                // Kafka Connect's temporal types with the two-digit-year adjuster off (the modes themselves: see
                // timePrecisionModesEqualDebeziums)
                "time.precision.mode=connect;enable.time.adjuster=false",
                "tombstones.on.delete=false",
                "column.exclude.list=catalog\\.types\\.c_(text|json|blob),catalog\\.defaults\\.note",
                "table.include.list=catalog\\.(types|composite)",
                "skipped.operations=none",
                "skipped.operations=u,d",
                // character columns (an ENUM and a primary-key column too) masked, null included; an INT only marked
                MASK,
                MASK,
                // the hex digest cut to CHAR(5), VARCHAR(32), VARCHAR(10), SET and CHAR(2) lengths; whole for TEXT
                "column.mask.hash.SHA-256.with.salt.pepper=catalog\\.types\\.c_(char|varchar|text|latin1|set),"
                        + "catalog\\.composite\\.region",
                "column.mask.hash.v2.MD5.with.salt.s.a.l.t=catalog\\.types\\.c_(varchar|enum|json|int)",
                // every type: which columns may hold longer values (truncateLength), and which values are cut
                "column.truncate.to.3.chars=catalog\\..*",
                // one mapper per column, Debezium's precedence: truncation before masking before hashing
                "column.truncate.to.2.chars=catalog\\.types\\.c_varchar;"
                        + "column.mask.with.4.chars=catalog\\.types\\.c_(varchar|text|char);"
                        + "column.mask.hash.SHA-512.with.salt.x=catalog\\.types\\.c_(char|latin1)",
                // the columns kept (key columns kept too: see keyColumnsLeftOutOfTheValueStayInTheKey)
                "column.include.list=catalog\\.types\\.(id|c_int|c_text),catalog\\.composite\\.(region|seq),"
                        + "catalog\\.keyless\\.name,catalog\\.defaults\\..*",
                "column.propagate.source.type=catalog\\.(types|defaults)\\..*",
                "datatype.propagate.source.type=.+\\.(VARCHAR|DECIMAL|INT UNSIGNED|ENUM|DATETIME)",
                // TINYINT(1) (BOOLEAN) as boolean; then every TINYINT named, signed and unsigned, with a default
                "converters=boolean;boolean.type=" + TINY_INT_TO_BOOLEAN,
                "converters=boolean;boolean.type=" + TINY_INT_TO_BOOLEAN + ";boolean.length.checker=false;"
                        + "boolean.selector=catalog\\.types\\.c_tinyint.*,catalog\\.defaults\\.small",
                // the failure modes Tributary supports, given explicitly
                "event.processing.failure.handling.mode=fail;inconsistent.schema.handling.mode=fail;"
                        + "event.deserialization.failure.handling.mode=fail");
    }

    private static final String TINY_INT_TO_BOOLEAN =
            "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter";

    private static final String MASK = "column.mask.with.5.chars=catalog\\.types\\.(c_char|c_varchar|c_text|c_enum|c_int),"
            + "catalog\\.defaults\\.label,catalog\\.composite\\.region";
}
