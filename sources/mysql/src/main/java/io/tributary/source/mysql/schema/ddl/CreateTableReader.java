package io.tributary.source.mysql.schema.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.source.mysql.schema.StringLiterals;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;

/**
 * The table a {@code CREATE TABLE name (...) [options]} statement creates, the tokens after {@code TABLE}. Column
 * definitions are read after the table options, which give text columns their character set.
 */
final class CreateTableReader {
    private final ColumnSpecReader columns;
    private final boolean mariaDb;

    CreateTableReader(boolean mariaDb) {
        this.columns = new ColumnSpecReader(mariaDb);
        this.mariaDb = mariaDb;
    }

    /**
     * @param fallbackCharset the character set of the table when the statement names none (the database's)
     */
    TableDefinition read(DdlTokens tokens, TableId id, Optional<String> fallbackCharset) {
        // IF NOT EXISTS: the table the statement describes, which is the table only when it did not exist before
        tokens.accept("IF", "NOT", "EXISTS");
        tokens.qualifiedName();
        if (!tokens.peek().isSymbol("(")) {
            throw new DdlTokens.Unsupported("CREATE TABLE without columns (LIKE, SELECT)");
        }
        DdlTokens elements = tokens.group();
        TableOptions options = TableOptions.read(tokens);
        tokens.expectEnd();
        Optional<String> charset = options.charset().or(() -> fallbackCharset);
        Optional<String> comment = mariaDb ? options.comment().filter(text -> !text.isEmpty()).map(StringLiterals::body)
                : Optional.empty();
        TableDraft draft = TableDraft.created(id, charset, comment, options.writtenCharset());
        Keys keys = new Keys();
        do {
            element(elements, draft, keys);
        } while (elements.acceptSymbol(","));
        elements.expectEnd();
        keys.primary.ifPresent(draft::addPrimaryKey);
        keys.unique.forEach(draft::addUnique);
        return draft.definition();
    }

    /**
     * The columns of a CREATE TABLE read one by one, for a statement not understood as a whole ({@link #read} failed):
     * a column, key or table option not understood is left out instead of failing the statement.
     */
    ColumnsRead readColumns(DdlTokens tokens, TableId id, Optional<String> fallbackCharset) {
        tokens.accept("IF", "NOT", "EXISTS");
        tokens.qualifiedName();
        if (!tokens.peek().isSymbol("(")) {
            throw new DdlTokens.Unsupported("CREATE TABLE without columns (LIKE, SELECT)");
        }
        DdlTokens elements = tokens.group();
        if (TableOptions.moreThanADefinition(tokens)) {
            // the columns of a SELECT, another table's, a MERGE table's: not only those defined here
            throw new DdlTokens.Unsupported("a CREATE TABLE that is more than a table definition");
        }
        Optional<TableOptions> options;
        try {
            options = Optional.of(TableOptions.read(tokens));
        } catch (DdlTokens.Unsupported notUnderstood) {
            options = Optional.empty();
        }
        TableDraft draft = TableDraft.created(id, options.flatMap(TableOptions::charset).or(() -> fallbackCharset),
                Optional.empty(), options.flatMap(TableOptions::writtenCharset));
        Keys keys = new Keys();
        List<String> names = new ArrayList<>();
        do {
            Optional<String> column = isColumn(elements) ? Optional.of(elements.peek().text()) : Optional.empty();
            try {
                element(elements, draft, keys);
            } catch (DdlTokens.Unsupported notUnderstood) {
                skipElement(elements);
            }
            column.ifPresent(names::add);
        } while (elements.acceptSymbol(","));
        try {
            keys.primary.ifPresent(draft::addPrimaryKey);
            keys.unique.forEach(draft::addUnique);
        } catch (DdlTokens.Unsupported keyOfAColumnNotRead) {
            // the key is the server's to say
        }
        return new ColumnsRead(draft.definition(), names, options.isPresent());
    }

    /** Whether a table element is a column's definition: not a key, an index or a constraint. */
    private static boolean isColumn(DdlTokens tokens) {
        DdlTokens.Token first = tokens.peek();
        if (first.kind() == DdlTokens.Kind.QUOTED_NAME) {
            return true;
        }
        return first.kind() == DdlTokens.Kind.WORD && NOT_COLUMNS.stream().noneMatch(first::isWord)
                && !(first.isWord("PERIOD") && tokens.peek(1).isWord("FOR"));
    }

    private static final List<String> NOT_COLUMNS = List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX",
            "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK");

    /** The keys a statement declares, applied once every column is known. */
    private static final class Keys {
        Optional<List<String>> primary = Optional.empty();
        final Map<String, List<String>> unique = new LinkedHashMap<>();

        void primary(List<String> columns) {
            if (primary.isPresent()) {
                throw new DdlTokens.Unsupported("two primary keys");
            }
            primary = Optional.of(columns);
        }

        void unique(String name, List<String> columns) {
            if (unique.putIfAbsent(name, columns) != null) {
                throw new DdlTokens.Unsupported("two unique keys named " + name);
            }
        }
    }

    private void element(DdlTokens tokens, TableDraft draft, Keys keys) {
        if (tokens.accept("CONSTRAINT")) {
            if (!tokens.peek().isWord("PRIMARY") && !tokens.peek().isWord("UNIQUE")
                    && !tokens.peek().isWord("FOREIGN") && !tokens.peek().isWord("CHECK")) {
                tokens.name();
            }
        }
        if (tokens.accept("PRIMARY", "KEY")) {
            KeyParts.indexType(tokens);
            keys.primary(KeyParts.wholeColumns(tokens));
        } else if (tokens.accept("UNIQUE")) {
            if (!tokens.accept("KEY")) {
                tokens.accept("INDEX");
            }
            Optional<String> name = tokens.peek().isSymbol("(") || tokens.peek().isWord("USING") ? Optional.empty()
                    : Optional.of(tokens.name());
            KeyParts.indexType(tokens);
            List<String> parts = KeyParts.wholeColumns(tokens);
            keys.unique(name.orElse(parts.get(0)), parts);
        } else if (isIndex(tokens)) {
            if (!tokens.peek().isSymbol("(") && !tokens.peek().isWord("USING")) {
                tokens.name();
            }
            KeyParts.indexType(tokens);
            KeyParts.skip(tokens);
        } else if (tokens.accept("FOREIGN", "KEY") || tokens.accept("CHECK")) {
            // neither changes a column nor the key (a foreign key's own index is not unique)
            skipElement(tokens);
        } else {
            ColumnSpec spec = columns.read(tokens, draft);
            draft.add(spec.column(), TableDraft.Placement.LAST);
            if (spec.primaryKey()) {
                keys.primary(List.of(spec.column().name()));
            }
            if (spec.unique()) {
                keys.unique(spec.column().name(), List.of(spec.column().name()));
            }
        }
    }

    private static boolean isIndex(DdlTokens tokens) {
        if (tokens.accept("FULLTEXT") || tokens.accept("SPATIAL")) {
            if (!tokens.accept("KEY")) {
                tokens.accept("INDEX");
            }
            return true;
        }
        return tokens.accept("KEY") || tokens.accept("INDEX");
    }

    private static void skipElement(DdlTokens tokens) {
        while (!tokens.atEnd() && !tokens.peek().isSymbol(",")) {
            if (tokens.peek().isSymbol("(")) {
                tokens.skipGroup();
            } else {
                tokens.take();
            }
        }
    }
}
