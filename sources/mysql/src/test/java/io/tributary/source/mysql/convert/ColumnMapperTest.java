package io.tributary.source.mysql.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

class ColumnMapperTest {
    private static final TableId TABLE = new TableId("shop", "customers");

    static ColumnDefinition column(String name, String dataType, String columnType, long length) {
        return new ColumnDefinition(name, 1, dataType, columnType, true, Optional.empty(), Optional.of("utf8mb4"),
                length, 0, List.of(), false, false, Optional.of("a comment"));
    }

    private static final ColumnDefinition EMAIL = column("email", "varchar", "varchar(20)", 20);
    private static final ColumnDefinition NOTE = column("note", "text", "text", 65535);
    private static final ColumnDefinition ID = column("id", "int", "int(11)", 10);

    @Test
    void maskingReplacesEveryValueOfACharacterColumnNullIncluded() {
        ColumnMapper.ValueMapping mapping = new ColumnMapper.Mask(5).forColumn(EMAIL);

        assertThat(mapping.parameters()).containsExactly(Map.entry("masked", "true"));
        assertThat(mapping.convert().apply("ann@example.com")).isEqualTo("*****");
        assertThat(mapping.convert().apply(null)).isEqualTo("*****");
    }

    @Test
    void maskingMarksButKeepsOtherColumns() {
        ColumnMapper.ValueMapping mapping = new ColumnMapper.Mask(5).forColumn(ID);

        assertThat(mapping.parameters()).containsExactly(Map.entry("masked", "true"));
        assertThat(mapping.convert().apply(42)).isEqualTo(42);
    }

    @Test
    void truncationAppliesWhereLongerValuesFitTheColumn() {
        ColumnMapper.ValueMapping text = new ColumnMapper.Truncate(4).forColumn(NOTE);

        assertThat(text.parameters()).containsExactly(Map.entry("truncateLength", "4"));
        assertThat(text.convert().apply("abcdefg")).isEqualTo("abcd");
        assertThat(text.convert().apply("ab")).isEqualTo("ab");
        assertThat((byte[]) text.convert().apply(new byte[] {1, 2, 3, 4, 5})).containsExactly(1, 2, 3, 4);
        assertThat(text.convert().apply(null)).isNull();
        // a VARCHAR(20) holds nothing longer than 20 characters: nothing to cut, no parameter
        assertThat(new ColumnMapper.Truncate(20).forColumn(EMAIL).parameters()).isEmpty();
    }

    @Test
    void truncationMarksButKeepsTheBytesOfABitColumnAsDebeziumDoes() {
        ColumnMapper.ValueMapping bits = new ColumnMapper.Truncate(3).forColumn(column("flags", "bit", "bit(64)", 64));

        assertThat(bits.parameters()).containsExactly(Map.entry("truncateLength", "3"));
        assertThat((byte[]) bits.convert().apply(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).hasSize(8);
    }

    @Test
    void hashingV1DigestsSaltAndTheJavaSerialisedStringCutToTheColumnLength() throws Exception {
        ColumnMapper.ValueMapping mapping = new ColumnMapper.Hash("SHA-256", "pepper", false).forColumn(EMAIL);
        // Java serialisation of a short string: stream magic, version, TC_STRING, 2-byte length, modified UTF-8
        byte[] serialised = {(byte) 0xAC, (byte) 0xED, 0, 5, 0x74, 0, 3, 'a', 'n', 'n'};
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update("pepper".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(digest.digest(serialised));

        assertThat(mapping.convert().apply("ann")).isEqualTo(expected.substring(0, 20));
        assertThat(mapping.convert().apply(null)).isNull();
        assertThat(mapping.parameters()).containsExactly(Map.entry("masked", "true"));
    }

    @Test
    void hashingV2DigestsSaltAndTheUtf8TextAndKeepsTheWholeDigestForLongColumns() throws Exception {
        ColumnMapper.ValueMapping mapping = new ColumnMapper.Hash("MD5", "s", true).forColumn(NOTE);
        MessageDigest digest = MessageDigest.getInstance("MD5");
        digest.update("s".getBytes(StandardCharsets.UTF_8));

        assertThat(mapping.convert().apply("ünï")).isEqualTo(HexFormat.of().formatHex(digest.digest(
                "ünï".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnknownHashAlgorithmFailsWhenConfigured() {
        assertThatThrownBy(() -> new ColumnMapper.Hash("SHA-3000", "s", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SHA-3000' is not a hash algorithm");
    }

    @Test
    void sourceTypePropagationAddsTheColumnsDescription() {
        ColumnDefinition price = new ColumnDefinition("price", 3, "decimal", "decimal(10,2) unsigned", false,
                Optional.empty(), Optional.empty(), 10, 2, List.of(), false, false, Optional.empty());

        assertThat(new ColumnMapper.PropagateSourceType().forColumn(price).parameters()).containsExactly(
                Map.entry("__debezium.source.column.type", "DECIMAL UNSIGNED"),
                Map.entry("__debezium.source.column.length", "10"),
                Map.entry("__debezium.source.column.scale", "2"),
                Map.entry("__debezium.source.column.name", "price"));
        assertThat(new ColumnMapper.PropagateSourceType().forColumn(NOTE).parameters())
                .containsEntry("__debezium.source.column.comment", "a comment")
                .doesNotContainKey("__debezium.source.column.length");
    }

    @Test
    void theFirstMatchingRuleDecidesEvenWhenItChangesNothing() {
        ColumnRules rules = new ColumnRules(List.of(
                new ColumnRules.Rule(ColumnRules.Target.COLUMN, List.of(pattern("shop\\.customers\\.email")),
                        new ColumnMapper.Truncate(50)),
                new ColumnRules.Rule(ColumnRules.Target.COLUMN, List.of(pattern("shop\\.customers\\..*")),
                        new ColumnMapper.Mask(3)),
                new ColumnRules.Rule(ColumnRules.Target.DATA_TYPE, List.of(pattern("shop\\.customers\\.INT")),
                        new ColumnMapper.PropagateSourceType())));

        // the truncation rule matches email first (and cuts nothing from a VARCHAR(20)): no masking, as in Debezium
        assertThat(rules.mappingFor(TABLE, EMAIL)).hasValueSatisfying(mapping -> {
            assertThat(mapping.parameters()).isEmpty();
            assertThat(mapping.convert().apply("ann")).isEqualTo("ann");
        });
        assertThat(rules.mappingFor(TABLE, NOTE)).hasValueSatisfying(mapping ->
                assertThat(mapping.convert().apply("x")).isEqualTo("***"));
        assertThat(rules.mappingFor(new TableId("shop", "orders"), ID)).isEmpty();
        assertThat(ColumnRules.NONE.mappingFor(TABLE, EMAIL)).isEmpty();
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
