package io.tributary.source.mysql.schema.ddl;

import java.util.ArrayList;
import java.util.List;

/** The parts of an index, {@code (a, b(10) DESC)}, and the index options after them. */
final class KeyParts {
    private KeyParts() {
    }

    /**
     * The columns of a PRIMARY KEY or UNIQUE index; a prefix or an expression is not understood (the server orders
     * such keys after others, and prefers a key without them).
     */
    static List<String> wholeColumns(DdlTokens tokens) {
        List<String> columns = new ArrayList<>();
        tokens.expectSymbol("(");
        do {
            if (tokens.peek().isSymbol("(")) {
                throw new DdlTokens.Unsupported("an expression in a key");
            }
            columns.add(tokens.name());
            if (tokens.peek().isSymbol("(")) {
                throw new DdlTokens.Unsupported("a prefix in a key");
            }
            direction(tokens);
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        options(tokens);
        return columns;
    }

    /** The parts of an index that cannot be the key: read over. */
    static void skip(DdlTokens tokens) {
        tokens.skipGroup();
        options(tokens);
    }

    /** {@code USING BTREE} before the parts. */
    static void indexType(DdlTokens tokens) {
        if (tokens.accept("USING")) {
            tokens.name();
        }
    }

    private static void direction(DdlTokens tokens) {
        if (!tokens.accept("ASC")) {
            tokens.accept("DESC");
        }
    }

    private static void options(DdlTokens tokens) {
        while (true) {
            if (tokens.accept("USING")) {
                tokens.name();
            } else if (tokens.accept("COMMENT")) {
                tokens.string();
            } else if (tokens.accept("VISIBLE")) {
                continue;
            } else {
                return;
            }
        }
    }
}
