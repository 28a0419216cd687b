package io.tributary.source.mysql.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.TableIndex;
import io.tributary.source.mysql.schema.TableKey;

/**
 * A table while a statement is applied to it: its columns in order and its key. The table's other indexes are not
 * known (a table described by {@code information_schema} comes with its key only), so every change that could make
 * one of them the key, or the key another one, is not understood: dropping or re-keying the key, changing the
 * nullability of a column of a table without a PRIMARY KEY, dropping a column of such a table.
 */
final class TableDraft {
    private final TableId id;
    private final List<ColumnDefinition> columns;
    private TableKey key;
    private Optional<String> charset;
    private Optional<String> comment;
    /** Whether a statement dropped the key's index and has not (yet) added a primary key in its place. */
    private boolean keyDropped;
    private final boolean hiddenSystemPeriod;
    private Optional<String> declaredCharset;

    private TableDraft(TableId id, List<ColumnDefinition> columns, TableKey key, Optional<String> charset,
            Optional<String> comment, boolean hiddenSystemPeriod, Optional<String> declaredCharset) {
        this.id = id;
        this.columns = new ArrayList<>(columns);
        this.key = key;
        this.charset = charset;
        this.comment = comment;
        this.hiddenSystemPeriod = hiddenSystemPeriod;
        this.declaredCharset = declaredCharset;
    }

    static TableDraft of(TableDefinition table) {
        return new TableDraft(table.id(), table.columns(), table.key(), table.defaultCharset(), table.comment(),
                table.hiddenSystemPeriod(), table.declaredCharset());
    }

    /**
     * A table created without columns yet.
     *
     * @param declaredCharset the character set as the statement named it, where that differs from the server's name
     */
    static TableDraft created(TableId id, Optional<String> charset, Optional<String> comment,
            Optional<String> declaredCharset) {
        return new TableDraft(id, List.of(), TableKey.NONE, charset, comment, false, declaredCharset);
    }

    Optional<String> charset() {
        return charset;
    }

    /** A new default character set, and its name as the statement spelt it where that differs. */
    void charset(String newCharset, Optional<String> spelt) {
        charset = Optional.of(newCharset);
        declaredCharset = spelt;
    }

    /**
     * {@code CONVERT TO CHARACTER SET}: the table's default and every column with a character set take the new one,
     * as Debezium's parser applies it. The server may also widen a column to keep its values' byte length (TEXT to
     * MEDIUMTEXT); Debezium does not follow that, and neither does this.
     *
     * @param spelt the set's name as the statement spelt it, where that differs ({@code utf8})
     */
    void convert(String newCharset, Optional<String> spelt) {
        charset(newCharset, spelt);
        columns.replaceAll(column -> {
            if (column.charset().isEmpty()) {
                return column;
            }
            if (column.declared().isEmpty() && spelt.isPresent()) {
                // Debezium names the set as spelt; a column read from the server has no spelling to carry it
                throw new DdlTokens.Unsupported("a column the server described converted to " + spelt.get());
            }
            return column.withCharset(newCharset, column.declared().map(declared -> declared.withCharset(spelt)));
        });
    }

    /** A new table comment (empty: none). */
    void comment(Optional<String> newComment) {
        comment = newComment;
    }

    /** The table's character set as the statement that made it named it ({@code utf8}), if that differs. */
    Optional<String> declaredCharset() {
        return declaredCharset;
    }

    /** The key as the statements read so far left it. */
    TableKey key() {
        return key;
    }

    TableDefinition definition() {
        if (keyDropped) {
            // which UNIQUE index of NOT NULL columns stands in for it is the server's to say
            throw new DdlTokens.Unsupported("the key dropped without a primary key in its place");
        }
        List<ColumnDefinition> numbered = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            boolean keyed = key.index().equals(TableIndex.PRIMARY) && key.columns().contains(column.name());
            ColumnDefinition placed = column.withPosition(numbered.size() + 1);
            numbered.add(keyed ? placed.notNull() : placed);
        }
        return new TableDefinition(id, numbered, key, charset, comment, hiddenSystemPeriod, declaredCharset);
    }

    /** Adds a column at the end, first, or after another. */
    void add(ColumnDefinition column, Placement placement) {
        if (indexOf(column.name()).isPresent()) {
            throw new DdlTokens.Unsupported("column " + column.name() + " exists");
        }
        insert(column, placement);
    }

    /** Replaces column {@code old} (MODIFY, or CHANGE when renamed), moving it when a placement is given. */
    void replace(String old, ColumnSpec spec, Optional<Placement> placement) {
        int at = required(old);
        ColumnDefinition previous = columns.get(at);
        String name = spec.column().name();
        if (!name.equalsIgnoreCase(old) && indexOf(name).isPresent()) {
            throw new DdlTokens.Unsupported("column " + name + " exists");
        }
        boolean inPrimaryKey = isPrimary() && key.columns().contains(previous.name());
        if (inPrimaryKey && spec.explicitlyNullable()) {
            throw new DdlTokens.Unsupported("a NULL column in a primary key");
        }
        boolean nullable = spec.column().nullable() && !inPrimaryKey;
        if (!isPrimary() && nullable != previous.nullable()) {
            throw new DdlTokens.Unsupported("a changed nullability in a table without a primary key");
        }
        columns.remove(at);
        if (placement.isPresent()) {
            insert(spec.column(), placement.get());
        } else {
            columns.add(at, spec.column());
        }
        renameInKey(previous.name(), name);
    }

    void rename(String old, String name) {
        int at = required(old);
        if (!name.equalsIgnoreCase(old) && indexOf(name).isPresent()) {
            throw new DdlTokens.Unsupported("column " + name + " exists");
        }
        String previous = columns.get(at).name();
        columns.set(at, columns.get(at).withName(name));
        renameInKey(previous, name);
    }

    void drop(String name) {
        int at = required(name);
        if (!isPrimary() || key.columns().stream().anyMatch(column -> column.equalsIgnoreCase(name))) {
            throw new DdlTokens.Unsupported("dropping a column of the key or of a table without a primary key");
        }
        columns.remove(at);
        if (columns.isEmpty()) {
            throw new DdlTokens.Unsupported("dropping the last column");
        }
    }

    /** A column's default set ({@code SET DEFAULT}) or dropped (empty). */
    void setDefault(String name, Optional<String> value) {
        int at = required(name);
        columns.set(at, columns.get(at).withDefaultValue(value));
    }

    ColumnDefinition column(String name) {
        return columns.get(required(name));
    }

    void addPrimaryKey(List<String> keyColumns) {
        if (isPrimary()) {
            throw new DdlTokens.Unsupported("a second primary key");
        }
        keyDropped = false;
        List<String> named = new ArrayList<>();
        for (String column : keyColumns) {
            named.add(columns.get(required(column)).name());
        }
        key = TableKey.primary(named);
    }

    /**
     * A UNIQUE index added: the key when the table had none and its columns are all NOT NULL (whole columns, which
     * the caller checked); a table keyed by another UNIQUE index would need the server's order of indexes.
     */
    void addUnique(String name, List<String> keyColumns) {
        if (isPrimary()) {
            return;
        }
        if (!key.columns().isEmpty() || keyDropped) {
            throw new DdlTokens.Unsupported("a second unique key in a table without a primary key");
        }
        List<ColumnDefinition> parts = keyColumns.stream().map(this::column).toList();
        if (parts.stream().allMatch(column -> !column.nullable() && !isHashedInUniqueKey(column))) {
            key = new TableKey(name, parts.stream().map(ColumnDefinition::name).toList(), true);
        } else if (parts.stream().anyMatch(TableDraft::isHashedInUniqueKey)) {
            throw new DdlTokens.Unsupported("a unique key over a BLOB or TEXT column");
        }
    }

    /**
     * An index dropped. The key's own index may be dropped only for a PRIMARY KEY the same statement adds
     * ({@code DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)}): otherwise another index may take its place.
     */
    void dropIndex(String name) {
        boolean primary = name.equalsIgnoreCase(TableIndex.PRIMARY);
        if (primary && !isPrimary()) {
            throw new DdlTokens.Unsupported("dropping a primary key the table does not have");
        }
        if (primary || name.equalsIgnoreCase(key.index())) {
            key = TableKey.NONE;
            keyDropped = true;
        }
    }

    void renameIndex(String old, String name) {
        if (old.equalsIgnoreCase(TableIndex.PRIMARY) || name.equalsIgnoreCase(TableIndex.PRIMARY)) {
            throw new DdlTokens.Unsupported("renaming the primary key");
        }
        if (old.equalsIgnoreCase(key.index())) {
            key = new TableKey(name, key.columns(), key.ordersRows());
        }
    }

    /** Whether a column exists, for key parts read from a statement. */
    boolean has(String name) {
        return indexOf(name).isPresent();
    }

    private boolean isPrimary() {
        return key.index().equals(TableIndex.PRIMARY);
    }

    /** The keys a column definition declares ({@code id INT PRIMARY KEY}, {@code code INT UNIQUE}). */
    void inlineKeys(ColumnSpec spec) {
        if (spec.primaryKey()) {
            addPrimaryKey(List.of(spec.column().name()));
        }
        if (spec.unique()) {
            addUnique(spec.column().name(), List.of(spec.column().name()));
        }
    }

    private static boolean isHashedInUniqueKey(ColumnDefinition column) {
        return column.dataType().endsWith("text") || column.dataType().endsWith("blob")
                || column.dataType().equals("json");
    }

    private void insert(ColumnDefinition column, Placement placement) {
        switch (placement.kind()) {
            case LAST -> columns.add(column);
            case FIRST -> columns.add(0, column);
            case AFTER -> columns.add(required(placement.after()) + 1, column);
        }
    }

    private void renameInKey(String old, String name) {
        if (key.columns().contains(old)) {
            key = new TableKey(key.index(), key.columns().stream()
                    .map(column -> column.equals(old) ? name : column).toList(), key.ordersRows());
        }
    }

    private int required(String name) {
        return indexOf(name).orElseThrow(() -> new DdlTokens.Unsupported("no column " + name));
    }

    private Optional<Integer> indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Where a column goes. */
    record Placement(Kind kind, String after) {
        enum Kind { LAST, FIRST, AFTER }

        static final Placement LAST = new Placement(Kind.LAST, "");

        /** {@code FIRST}, {@code AFTER x}, or empty when the tokens say neither. */
        static Optional<Placement> read(DdlTokens tokens) {
            if (tokens.accept("FIRST")) {
                return Optional.of(new Placement(Kind.FIRST, ""));
            }
            if (tokens.accept("AFTER")) {
                return Optional.of(new Placement(Kind.AFTER, tokens.name()));
            }
            return Optional.empty();
        }
    }
}
