package io.tributary.source.mysql.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.StringLiterals;

/**
 * Applies the specifications of an {@code ALTER TABLE} (the tokens after the table's name), and the CREATE INDEX and
 * DROP INDEX statements that are ALTERs in disguise, to a {@link TableDraft}.
 */
final class AlterTableReader {
    /** Table options that change neither the columns, the key nor what Debezium describes: {@code NAME [=] value}. */
    private static final Set<String> STORAGE_OPTIONS = Set.of("ENGINE", "ROW_FORMAT", "AUTO_INCREMENT",
            "KEY_BLOCK_SIZE", "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "PACK_KEYS", "CHECKSUM",
            "PAGE_CHECKSUM", "DELAY_KEY_WRITE", "MAX_ROWS", "MIN_ROWS", "AVG_ROW_LENGTH", "TRANSACTIONAL",
            "PAGE_COMPRESSED", "PAGE_COMPRESSION_LEVEL", "INSERT_METHOD");

    /** What an {@code ADD} adds when it is not a column. */
    private static final Set<String> NOT_A_COLUMN = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX",
            "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK", "PARTITION", "PERIOD", "SYSTEM");

    /** The words of a foreign key's MATCH and ON DELETE / ON UPDATE clauses. */
    private static final Set<String> REFERENCE_OPTIONS = Set.of("MATCH", "FULL", "PARTIAL", "SIMPLE", "ON", "DELETE",
            "UPDATE", "RESTRICT", "CASCADE", "SET", "NULL", "NO", "ACTION", "DEFAULT");

    private final ColumnSpecReader columns;
    private final boolean mariaDb;

    AlterTableReader(boolean mariaDb) {
        this.columns = new ColumnSpecReader(mariaDb);
        this.mariaDb = mariaDb;
    }

    /** Comma-separated specifications, to the end of the statement. */
    void apply(DdlTokens tokens, TableDraft draft) {
        boolean charsetChanged = false;
        boolean columnsChanged = false;
        do {
            if (tokens.accept("CONVERT", "TO")) {
                convert(tokens, draft);
                charsetChanged = true;
            } else if (tableCharset(tokens, draft)) {
                charsetChanged = true;
            } else {
                columnsChanged |= specification(tokens, draft);
            }
        } while (tokens.acceptSymbol(","));
        tokens.expectEnd();
        if (charsetChanged && columnsChanged) {
            // which of the two the server applies first decides the new columns' character set
            throw new DdlTokens.Unsupported("the table's character set changed together with columns");
        }
    }

    /**
     * The columns an ALTER TABLE's specifications define that can be read on their own ({@code ADD [COLUMN] name
     * type ...}, {@code MODIFY}, {@code CHANGE}), each as the statement defines it; the other specifications, and the
     * column definitions not understood, are passed over. Applies nothing.
     */
    List<ColumnDefinition> columnsDefined(DdlTokens tokens, TableDraft draft) {
        List<ColumnDefinition> defined = new ArrayList<>();
        do {
            try {
                columnDefined(tokens, draft).ifPresent(defined::add);
            } catch (DdlTokens.Unsupported notUnderstood) {
                // the server's description stands for this one
            }
            while (!tokens.atEnd() && !tokens.peek().isSymbol(",")) {
                if (tokens.peek().isSymbol("(")) {
                    tokens.skipGroup();
                } else {
                    tokens.take();
                }
            }
        } while (tokens.acceptSymbol(","));
        return defined;
    }

    private Optional<ColumnDefinition> columnDefined(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("ADD")) {
            if (NOT_A_COLUMN.contains(tokens.peek().text().toUpperCase(Locale.ROOT)) || tokens.peek().isSymbol("(")) {
                return Optional.empty();
            }
            tokens.accept("COLUMN");
            tokens.accept("IF", "NOT", "EXISTS");
        } else if (tokens.peek().isWord("MODIFY") || tokens.peek().isWord("CHANGE")) {
            boolean renames = tokens.take().isWord("CHANGE");
            tokens.accept("COLUMN");
            tokens.accept("IF", "EXISTS");
            if (renames) {
                tokens.name();
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(columns.read(tokens, draft).column());
    }

    /**
     * {@code [DEFAULT] CHARACTER SET|CHARSET [=] name [[DEFAULT] COLLATE [=] name]} or {@code [DEFAULT] COLLATE [=]
     * name}: the table's default character set, which columns added later take; false, reading nothing, when the
     * specification is another.
     */
    private static boolean tableCharset(DdlTokens tokens, TableDraft draft) {
        int ahead = tokens.peek().isWord("DEFAULT") ? 1 : 0;
        DdlTokens.Token word = tokens.peek(ahead);
        boolean charset = word.isWord("CHARSET") || word.isWord("CHARACTER") && tokens.peek(ahead + 1).isWord("SET");
        if (!charset && !word.isWord("COLLATE")) {
            return false;
        }
        tokens.accept("DEFAULT");
        Optional<String> named = Optional.empty();
        Optional<String> written = Optional.empty();
        if (tokens.accept("CHARACTER", "SET") || tokens.accept("CHARSET")) {
            tokens.acceptSymbol("=");
            written = Optional.of(tokens.peek().text());
            named = Optional.of(Charsets.named(tokens.charsetName()));
            tokens.accept("DEFAULT");
        }
        if (tokens.accept("COLLATE")) {
            tokens.acceptSymbol("=");
            String implied = Charsets.ofCollation(tokens.charsetName());
            if (named.isPresent() && !named.get().equals(implied)) {
                throw new DdlTokens.Unsupported("a collation of another character set");
            }
            named = Optional.of(implied);
        }
        String resolved = named.orElseThrow();
        // Debezium names the table's character set as written (utf8), where the server writes utf8mb3
        draft.charset(resolved, written.filter(spelt -> !spelt.equals(resolved)));
        return true;
    }

    /** The rest of {@code CONVERT TO CHARACTER SET|CHARSET name [COLLATE name]}. */
    private static void convert(DdlTokens tokens, TableDraft draft) {
        if (!tokens.accept("CHARACTER", "SET")) {
            tokens.expect("CHARSET");
        }
        if (tokens.peek().isWord("DEFAULT")) {
            throw new DdlTokens.Unsupported("CONVERT TO CHARACTER SET DEFAULT");
        }
        String written = tokens.peek().text();
        String named = Charsets.named(tokens.charsetName());
        if (tokens.accept("COLLATE") && !Charsets.ofCollation(tokens.charsetName()).equals(named)) {
            throw new DdlTokens.Unsupported("a collation of another character set");
        }
        draft.convert(named, Optional.of(written).filter(spelt -> !spelt.equals(named)));
    }

    /** {@code [UNIQUE] INDEX name [USING x] ON table (parts) ...}, the tokens after CREATE. */
    void createIndex(DdlTokens tokens, TableDraft draft) {
        boolean unique = tokens.accept("UNIQUE");
        if (!unique && (tokens.accept("FULLTEXT") || tokens.accept("SPATIAL"))) {
            tokens.expect("INDEX");
            addIndex(tokens, draft, false, Optional.of(indexNameOn(tokens)));
        } else {
            tokens.expect("INDEX");
            addIndex(tokens, draft, unique, Optional.of(indexNameOn(tokens)));
        }
        lockAndAlgorithm(tokens);
        tokens.expectEnd();
    }

    /** {@code INDEX name ON table ...}, the tokens after DROP. */
    void dropIndex(DdlTokens tokens, TableDraft draft) {
        tokens.expect("INDEX");
        tokens.accept("IF", "EXISTS");
        String name = tokens.name();
        tokens.expect("ON");
        tokens.qualifiedName();
        draft.dropIndex(name);
        lockAndAlgorithm(tokens);
        tokens.expectEnd();
    }

    private static String indexNameOn(DdlTokens tokens) {
        if (tokens.accept("IF", "NOT", "EXISTS")) {
            throw new DdlTokens.Unsupported("IF NOT EXISTS");
        }
        String name = tokens.name();
        KeyParts.indexType(tokens);
        tokens.expect("ON");
        tokens.qualifiedName();
        return name;
    }

    private static void lockAndAlgorithm(DdlTokens tokens) {
        while (tokens.accept("ALGORITHM") || tokens.accept("LOCK")) {
            tokens.acceptSymbol("=");
            tokens.name();
        }
    }

    /** One specification; whether it may add or change columns. */
    private boolean specification(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("ADD")) {
            add(tokens, draft);
            return true;
        } else if (tokens.accept("DROP")) {
            drop(tokens, draft);
        } else if (tokens.accept("MODIFY")) {
            tokens.accept("COLUMN");
            ifExists(tokens, draft);
            ColumnSpec spec = columns.read(tokens, draft);
            draft.replace(spec.column().name(), spec, TableDraft.Placement.read(tokens));
            draft.inlineKeys(spec);
            return true;
        } else if (tokens.accept("CHANGE")) {
            tokens.accept("COLUMN");
            ifExists(tokens, draft);
            String old = tokens.name();
            ColumnSpec spec = columns.read(tokens, draft);
            draft.replace(old, spec, TableDraft.Placement.read(tokens));
            draft.inlineKeys(spec);
            return true;
        } else if (tokens.accept("RENAME")) {
            rename(tokens, draft);
        } else if (tokens.accept("ALTER")) {
            alter(tokens, draft);
        } else if (tokens.accept("ALGORITHM") || tokens.accept("LOCK")) {
            tokens.acceptSymbol("=");
            tokens.name();
        } else if (tokens.accept("FORCE")) {
            // rebuilds the table as it is
        } else if (tokens.accept("ORDER", "BY")) {
            // orders the rows the table holds now, changing neither its columns nor its key
            orderBy(tokens);
        } else if (tokens.accept("COMMENT")) {
            tokens.acceptSymbol("=");
            String comment = tokens.string();
            // as for CREATE TABLE: MariaDB's connector describes a table's comment, MySQL's does not
            if (mariaDb) {
                draft.comment(Optional.of(comment).filter(text -> !text.isEmpty()).map(StringLiterals::body));
            }
        } else if (tokens.peek().kind() == DdlTokens.Kind.WORD
                && STORAGE_OPTIONS.contains(tokens.peek().text().toUpperCase(Locale.ROOT))) {
            tokens.take();
            tokens.acceptSymbol("=");
            DdlTokens.Token value = tokens.take();
            if (value.kind() == DdlTokens.Kind.SYMBOL) {
                throw new DdlTokens.Unsupported("table option value " + value.text());
            }
        } else {
            throw new DdlTokens.Unsupported("ALTER TABLE " + tokens.peek().text());
        }
        return false;
    }

    private void add(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("CONSTRAINT")) {
            tokens.accept("IF", "NOT", "EXISTS");
            if (!constraintKind(tokens)) {
                tokens.name();
            }
            if (!constraintKind(tokens)) {
                throw new DdlTokens.Unsupported("a constraint other than a key, a foreign key or a check");
            }
        }
        if (tokens.accept("FOREIGN", "KEY")) {
            // a foreign key changes no column and not the key (the index the server may add for it is no UNIQUE one)
            foreignKey(tokens);
        } else if (tokens.accept("CHECK")) {
            // a check constraint changes no column
            tokens.group();
            enforcement(tokens);
        } else if (tokens.accept("PRIMARY", "KEY")) {
            KeyParts.indexType(tokens);
            List<String> parts = KeyParts.wholeColumns(tokens);
            parts.forEach(column -> draft.column(column));
            draft.addPrimaryKey(parts);
        } else if (tokens.accept("UNIQUE")) {
            if (!tokens.accept("KEY")) {
                tokens.accept("INDEX");
            }
            Optional<String> name = tokens.peek().isSymbol("(") || tokens.peek().isWord("USING") ? Optional.empty()
                    : Optional.of(tokens.name());
            addIndex(tokens, draft, true, name);
        } else if (tokens.accept("KEY") || tokens.accept("INDEX") || tokens.accept("FULLTEXT")
                || tokens.accept("SPATIAL")) {
            if (!tokens.accept("KEY")) {
                tokens.accept("INDEX");
            }
            Optional<String> name = tokens.peek().isSymbol("(") || tokens.peek().isWord("USING") ? Optional.empty()
                    : Optional.of(tokens.name());
            addIndex(tokens, draft, false, name);
        } else {
            tokens.accept("COLUMN");
            ifNotExists(tokens, draft);
            if (tokens.peek().isSymbol("(")) {
                DdlTokens group = tokens.group();
                do {
                    addColumn(group, draft, TableDraft.Placement.LAST);
                } while (group.acceptSymbol(","));
                group.expectEnd();
            } else {
                ColumnSpec spec = columns.read(tokens, draft);
                draft.add(spec.column(), TableDraft.Placement.read(tokens).orElse(TableDraft.Placement.LAST));
                draft.inlineKeys(spec);
            }
        }
    }

    private void addColumn(DdlTokens tokens, TableDraft draft, TableDraft.Placement placement) {
        ColumnSpec spec = columns.read(tokens, draft);
        draft.add(spec.column(), placement);
        draft.inlineKeys(spec);
    }

    /** An index's parts, after its name: the key when it may be one, read over when it cannot be. */
    private static void addIndex(DdlTokens tokens, TableDraft draft, boolean unique, Optional<String> name) {
        KeyParts.indexType(tokens);
        if (unique) {
            List<String> parts = KeyParts.wholeColumns(tokens);
            draft.addUnique(name.orElse(parts.get(0)), parts);
        } else {
            KeyParts.skip(tokens);
        }
    }

    private static void drop(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("CHECK")) {
            tokens.name();
        } else if (tokens.accept("CONSTRAINT")) {
            // a check, or a unique key by its name (which is the key only if the draft's key is that index)
            tokens.accept("IF", "EXISTS");
            draft.dropIndex(tokens.name());
        } else if (tokens.accept("PRIMARY", "KEY")) {
            draft.dropIndex("PRIMARY");
        } else if (tokens.accept("INDEX") || tokens.accept("KEY")) {
            tokens.accept("IF", "EXISTS");
            draft.dropIndex(tokens.name());
        } else if (tokens.accept("FOREIGN", "KEY")) {
            tokens.accept("IF", "EXISTS");
            tokens.name();
        } else {
            tokens.accept("COLUMN");
            if (tokens.accept("IF", "EXISTS")) {
                String name = tokens.name();
                if (draft.has(name)) {
                    draft.drop(name);
                }
            } else {
                draft.drop(tokens.name());
            }
        }
    }

    private static void rename(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("COLUMN")) {
            String old = tokens.name();
            tokens.expect("TO");
            draft.rename(old, tokens.name());
        } else if (tokens.accept("INDEX") || tokens.accept("KEY")) {
            String old = tokens.name();
            tokens.expect("TO");
            draft.renameIndex(old, tokens.name());
        } else {
            // the table's new name, which the caller gives the definition
            if (!tokens.accept("TO")) {
                tokens.accept("AS");
            }
            tokens.qualifiedName();
        }
    }

    /** {@code ALTER [COLUMN] name ...}, {@code ALTER CHECK|CONSTRAINT name [NOT] ENFORCED}, {@code ALTER INDEX}. */
    private void alter(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("CHECK") || tokens.accept("CONSTRAINT")) {
            tokens.name();
            enforcement(tokens);
            return;
        }
        if (tokens.accept("INDEX") || tokens.accept("KEY")) {
            String index = tokens.name();
            // visibility or IGNORED changes which index the optimizer uses, not the key Debezium describes, except
            // for the key's own index, which this package does not follow
            if (index.equalsIgnoreCase(draft.key().index())) {
                throw new DdlTokens.Unsupported("ALTER INDEX of the key");
            }
            if (!(tokens.accept("VISIBLE") || tokens.accept("INVISIBLE") || tokens.accept("IGNORED")
                    || tokens.accept("NOT", "IGNORED"))) {
                throw new DdlTokens.Unsupported("ALTER INDEX " + tokens.peek().text());
            }
            return;
        }
        tokens.accept("COLUMN");
        alterColumn(tokens, draft);
    }

    private static boolean constraintKind(DdlTokens tokens) {
        DdlTokens.Token next = tokens.peek();
        return next.isWord("PRIMARY") || next.isWord("UNIQUE") || next.isWord("CHECK") || next.isWord("FOREIGN");
    }

    /** The rest of {@code FOREIGN KEY [name] (columns) REFERENCES table (columns) [MATCH ...] [ON ... action]}. */
    private static void foreignKey(DdlTokens tokens) {
        tokens.accept("IF", "NOT", "EXISTS");
        if (!tokens.peek().isSymbol("(")) {
            tokens.name();
        }
        tokens.group();
        tokens.expect("REFERENCES");
        references(tokens);
    }

    /** The rest of {@code REFERENCES table (columns) [MATCH ...] [ON ... action]}. */
    static void references(DdlTokens tokens) {
        tokens.qualifiedName();
        tokens.group();
        while (REFERENCE_OPTIONS.contains(tokens.peek().text().toUpperCase(Locale.ROOT))
                && tokens.peek().kind() == DdlTokens.Kind.WORD) {
            tokens.take();
        }
    }

    /** {@code [NOT] ENFORCED} after a check constraint, if written. */
    static void enforcement(DdlTokens tokens) {
        if (!tokens.accept("ENFORCED")) {
            tokens.accept("NOT", "ENFORCED");
        }
    }

    private void alterColumn(DdlTokens tokens, TableDraft draft) {
        String name = tokens.name();
        if (tokens.accept("DROP", "DEFAULT")) {
            draft.setDefault(name, Optional.empty());
        } else if (tokens.accept("SET", "DEFAULT")) {
            ColumnDefinition column = draft.column(name);
            if (tokens.accept("NULL")) {
                // Debezium 3.5's MariaDB parser sets no default for a NULL literal: the column keeps the one it had;
                // 3.6's MySQL parser reads it as the text "null" (in the schema too)
                if (!mariaDb) {
                    draft.setDefault(name, Optional.of("null"));
                }
                return;
            }
            draft.setDefault(name, columns.defaultOf(tokens, ColumnType.of(column)));
        } else if (tokens.accept("SET", "VISIBLE") || tokens.accept("SET", "INVISIBLE")) {
            // an invisible column is in the binlog's rows and in Debezium's description like any other
            draft.column(name);
        } else {
            throw new DdlTokens.Unsupported("ALTER COLUMN " + tokens.peek().text());
        }
    }

    /**
     * MariaDB's {@code MODIFY|CHANGE [COLUMN] IF EXISTS name}, followed when the column exists (the server then
     * changes it as without the words); when it does not, the server only warns, and what Debezium makes of the
     * statement is not followed: not understood.
     */
    private static void ifExists(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("IF", "EXISTS") && !draft.has(tokens.peek().text())) {
            throw new DdlTokens.Unsupported("IF EXISTS on a column that does not exist");
        }
        if (tokens.peek().isWord("IF")) {
            throw new DdlTokens.Unsupported("IF NOT EXISTS on a column changed");
        }
    }

    /** MariaDB's {@code ADD [COLUMN] IF NOT EXISTS name ...}, followed when no column has that name (as above). */
    private static void ifNotExists(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("IF", "NOT", "EXISTS")) {
            if (tokens.peek().isSymbol("(") || draft.has(tokens.peek().text())) {
                throw new DdlTokens.Unsupported("IF NOT EXISTS on a column that exists, or on several");
            }
        } else if (tokens.peek().isWord("IF") && tokens.peek(1).isWord("EXISTS")) {
            throw new DdlTokens.Unsupported("IF EXISTS on a column added");
        }
    }

    /** {@code ORDER BY name [ASC|DESC] [, name [ASC|DESC]]...}, which ends the statement. */
    private static void orderBy(DdlTokens tokens) {
        do {
            tokens.name();
            if (!tokens.accept("ASC")) {
                tokens.accept("DESC");
            }
        } while (tokens.acceptSymbol(","));
        tokens.expectEnd();
    }
}
