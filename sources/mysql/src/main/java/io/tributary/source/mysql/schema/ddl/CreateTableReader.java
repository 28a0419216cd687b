package io.tributary.source.mysql.schema.ddl;

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
