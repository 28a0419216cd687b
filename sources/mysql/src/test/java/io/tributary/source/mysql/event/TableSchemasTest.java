package io.tributary.source.mysql.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.EventSchema;
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.DecimalHandlingMode;
import io.tributary.source.mysql.MySqlSourceConfig;
import io.tributary.source.mysql.convert.ColumnMappings;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.TableKey;
import org.junit.jupiter.api.Test;

class TableSchemasTest {
    private static final TableDefinition CUSTOMERS = new TableDefinition(new TableId("shop", "customers"), List.of(
            column("id", 1, "int", "int(11)"),
            column("email", 2, "varchar", "varchar(40)"),
            column("note", 3, "text", "text")), TableKey.primary(List.of("id", "email")), Optional.of("utf8mb4"),
            Optional.empty());

    private static ColumnDefinition column(String name, int position, String dataType, String columnType) {
        return new ColumnDefinition(name, position, dataType, columnType, !name.equals("id"), Optional.empty(),
                Optional.of("utf8mb4"), dataType.equals("varchar") ? 40 : 10, 0, List.of(), false, false,
                Optional.empty());
    }

    private static TableSchemas schemas(Map<String, String> options) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("database.hostname", "db", "database.user", "u",
                "topic.prefix", "p"));
        config.putAll(options);
        MySqlSourceConfig parsed = MySqlSourceConfig.parse(config);
        EventNames names = new EventNames("p", NameAdjuster.forSchemaNames(parsed.schemaNameAdjustmentMode()),
                NameAdjuster.forFieldNames(parsed.fieldNameAdjustmentMode()));
        return new TableSchemas(CUSTOMERS, new TableSchemas.Settings(names, parsed.messageKeyColumns(),
                parsed.filter(), new ColumnMappings(DecimalHandlingMode.PRECISE, BigintUnsignedHandlingMode.LONG),
                parsed.columnRules(), EventSchema.of(EventSchema.Type.STRING)));
    }

    private static Object[] after(TableSchemas table, Object[] row) {
        return (Object[]) table.envelope(null, row, null, null, "c", 0)[1];
    }

    @Test
    void withoutMappersOrLeftOutKeyColumnsTheValueIsTheRowItself() {
        TableSchemas table = schemas(Map.of());
        Object[] row = {1, "ann@example.com", "hello"};

        assertThat(after(table, row)).isSameAs(row);
    }

    @Test
    void maskedColumnsAreMaskedInTheValueButNotInTheKey() {
        TableSchemas table = schemas(Map.of("column.mask.with.3.chars", "shop\\.customers\\.email"));
        Object[] row = {1, "ann@example.com", null};

        assertThat(table.key(row)).containsExactly(1, "ann@example.com");
        assertThat(after(table, row)).containsExactly(1, "***", null);
        assertThat(row).containsExactly(1, "ann@example.com", null);
        assertThat(table.envelopeSchema().fields().get(1).schema().fields().get(1).schema().parameters())
                .containsEntry("masked", "true");
        assertThat(table.keySchema().fields().get(1).schema().parameters()).isEmpty();
    }

    @Test
    void keyColumnsLeftOutOfTheValueStayInTheKey() {
        TableSchemas table = schemas(Map.of("column.include.list", "shop\\.customers\\.note"));

        assertThat(table.columns()).extracting(mapping -> mapping.name()).containsExactly("note", "id", "email");
        assertThat(table.capturedIndex(0)).isEqualTo(1);
        assertThat(table.capturedIndex(2)).isZero();
        Object[] row = {"hello", 7, "bob@example.com"};
        assertThat(table.key(row)).containsExactly(7, "bob@example.com");
        assertThat(after(table, row)).containsExactly("hello");
        assertThat(table.envelopeSchema().fields().get(1).schema().fields()).extracting(EventSchema.Field::name)
                .containsExactly("note");
    }
}
