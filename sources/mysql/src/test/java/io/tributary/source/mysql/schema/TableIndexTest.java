package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TableIndexTest {
    private static final List<ColumnDefinition> COLUMNS = List.of(column("id", false), column("code", false),
            column("region", false), column("maybe", true), column("name", false));

    @Test
    void thePrimaryKeyWinsWhereverItIsListed() {
        TableKey key = TableIndex.keyOf(List.of(unique("u_code", "code"), index("PRIMARY", true, "region", "id")),
                COLUMNS);

        assertThat(key).isEqualTo(TableKey.primary(List.of("region", "id")));
    }

    @Test
    void withoutPrimaryKeyTheFirstUniqueKeyOfNotNullColumnsInServerOrderIsTaken() {
        TableKey key = TableIndex.keyOf(List.of(index("ix_name", false, "name"), unique("u_nullable", "maybe"),
                unique("u_composite", "region", "code"), unique("u_code", "code")), COLUMNS);

        assertThat(key).isEqualTo(new TableKey("u_composite", List.of("region", "code"), true));
    }

    @Test
    void aUniqueKeyWithANullableColumnIsSkipped() {
        TableKey key = TableIndex.keyOf(List.of(unique("u_mixed", "code", "maybe"), unique("u_name", "name")),
                COLUMNS);

        assertThat(key.columns()).containsExactly("name");
    }

    @Test
    void onlyNullableUniqueKeysMeanNoKey() {
        assertThat(TableIndex.keyOf(List.of(unique("u_maybe", "maybe"), index("ix", false, "id")), COLUMNS))
                .isEqualTo(TableKey.NONE);
        assertThat(TableIndex.keyOf(List.of(), COLUMNS)).isEqualTo(TableKey.NONE);
    }

    @Test
    void anExpressionPartOrAnUnknownColumnDisqualifiesAUniqueKey() {
        TableIndex functional = new TableIndex("u_expr", true, false, List.of(
                new TableIndex.Part(Optional.of("code"), false), new TableIndex.Part(Optional.empty(), false)));

        assertThat(TableIndex.keyOf(List.of(functional, unique("u_gone", "dropped"), unique("u_id", "id")), COLUMNS)
                .columns()).containsExactly("id");
    }

    @Test
    void prefixAndHashKeysAreKeysButDoNotOrderTheRows() {
        TableIndex prefix = new TableIndex("u_prefix", true, false,
                List.of(new TableIndex.Part(Optional.of("name"), true)));
        TableIndex hash = new TableIndex("u_hash", true, true,
                List.of(new TableIndex.Part(Optional.of("name"), false)));

        assertThat(TableIndex.keyOf(List.of(prefix), COLUMNS))
                .isEqualTo(new TableKey("u_prefix", List.of("name"), false));
        assertThat(TableIndex.keyOf(List.of(hash), COLUMNS))
                .isEqualTo(new TableKey("u_hash", List.of("name"), false));
    }

    private static TableIndex unique(String name, String... columns) {
        return index(name, true, columns);
    }

    private static TableIndex index(String name, boolean unique, String... columns) {
        return new TableIndex(name, unique, false, Arrays.stream(columns)
                .map(column -> new TableIndex.Part(Optional.of(column), false)).toList());
    }

    private static ColumnDefinition column(String name, boolean nullable) {
        return new ColumnDefinition(name, 1, "int", "int(11)", nullable, Optional.empty(), Optional.empty(), 10, 0,
                List.of(), false, false, Optional.empty());
    }
}
