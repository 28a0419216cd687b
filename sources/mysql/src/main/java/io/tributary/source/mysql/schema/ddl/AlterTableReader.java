package io.tributary.source.mysql.schema.ddl;

import java.util.List;
import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;

/**
 * Applies the specifications of an {@code ALTER TABLE} (the tokens after the table's name), and the CREATE INDEX and
 * DROP INDEX statements that are ALTERs in disguise, to a {@link TableDraft}.
 */
final class AlterTableReader {
    private final ColumnSpecReader columns;

    AlterTableReader(boolean mariaDb) {
        this.columns = new ColumnSpecReader(mariaDb);
    }

    /** Comma-separated specifications, to the end of the statement. */
    void apply(DdlTokens tokens, TableDraft draft) {
        do {
            specification(tokens, draft);
        } while (tokens.acceptSymbol(","));
        tokens.expectEnd();
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

    private void specification(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("ADD")) {
            add(tokens, draft);
        } else if (tokens.accept("DROP")) {
            drop(tokens, draft);
        } else if (tokens.accept("MODIFY")) {
            tokens.accept("COLUMN");
            refuseIfExists(tokens);
            ColumnSpec spec = columns.read(tokens, draft);
            draft.replace(spec.column().name(), spec, TableDraft.Placement.read(tokens));
            draft.inlineKeys(spec);
        } else if (tokens.accept("CHANGE")) {
            tokens.accept("COLUMN");
            refuseIfExists(tokens);
            String old = tokens.name();
            ColumnSpec spec = columns.read(tokens, draft);
            draft.replace(old, spec, TableDraft.Placement.read(tokens));
            draft.inlineKeys(spec);
        } else if (tokens.accept("RENAME")) {
            rename(tokens, draft);
        } else if (tokens.accept("ALTER")) {
            tokens.accept("COLUMN");
            alterColumn(tokens, draft);
        } else if (tokens.accept("ALGORITHM") || tokens.accept("LOCK")) {
            tokens.acceptSymbol("=");
            tokens.name();
        } else {
            throw new DdlTokens.Unsupported("ALTER TABLE " + tokens.peek().text());
        }
    }

    private void add(DdlTokens tokens, TableDraft draft) {
        if (tokens.accept("CONSTRAINT")) {
            if (!tokens.peek().isWord("PRIMARY") && !tokens.peek().isWord("UNIQUE")) {
                tokens.name();
            }
            if (!tokens.peek().isWord("PRIMARY") && !tokens.peek().isWord("UNIQUE")) {
                throw new DdlTokens.Unsupported("a constraint other than a key");
            }
        }
        if (tokens.accept("PRIMARY", "KEY")) {
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
            refuseIfExists(tokens);
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
        if (tokens.accept("PRIMARY", "KEY")) {
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

    private void alterColumn(DdlTokens tokens, TableDraft draft) {
        String name = tokens.name();
        if (tokens.accept("DROP", "DEFAULT")) {
            draft.setDefault(name, Optional.empty());
        } else if (tokens.accept("SET", "DEFAULT")) {
            ColumnDefinition column = draft.column(name);
            draft.setDefault(name, columns.defaultOf(tokens, ColumnType.of(column)));
        } else {
            throw new DdlTokens.Unsupported("ALTER COLUMN " + tokens.peek().text());
        }
    }

    private static void refuseIfExists(DdlTokens tokens) {
        if (tokens.accept("IF", "NOT", "EXISTS") || tokens.accept("IF", "EXISTS")) {
            throw new DdlTokens.Unsupported("IF [NOT] EXISTS on a column");
        }
    }
}
