package io.tributary.source.mysql.schema.ddl;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table options of a CREATE TABLE that this package reads: the character set (or a collation, which implies
 * one), how the statement named it, and the comment. Storage options are read over; any other option is not understood.
 */
record TableOptions(Optional<String> charset, Optional<String> comment, Optional<String> writtenCharset) {
    /** Words after the columns that make the statement more than a table definition: not options. */
    private static final Set<String> STATEMENT_WORDS = Set.of("SELECT", "AS", "IGNORE", "REPLACE", "LIKE", "WITH",
            "TABLE", "VALUES", "START", "UNION");

    /** {@code NAME [=] value}, or two words then a value ({@code DATA DIRECTORY = '/x'}). */
    private static void otherOption(DdlTokens tokens) {
        tokens.take();
        if (tokens.peek().isWord("DIRECTORY")) {
            tokens.take();
        }
        tokens.acceptSymbol("=");
        DdlTokens.Token value = tokens.take();
        if (value.kind() == DdlTokens.Kind.SYMBOL) {
            throw new DdlTokens.Unsupported("table option value " + value.text());
        }
    }

    /**
     * Whether the tokens after a CREATE TABLE's columns make it more than a table definition (a SELECT, a LIKE, ...),
     * up to a PARTITION BY clause; reads nothing.
     */
    static boolean moreThanADefinition(DdlTokens tokens) {
        for (int ahead = 0; !tokens.peek(ahead).isSymbol("<end>"); ahead++) {
            DdlTokens.Token token = tokens.peek(ahead);
            if (token.isWord("PARTITION") && tokens.peek(ahead + 1).isWord("BY")) {
                return false;
            }
            if (token.kind() == DdlTokens.Kind.WORD && STATEMENT_WORDS.contains(token.text().toUpperCase(Locale.ROOT))
                    || token.isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    static TableOptions read(DdlTokens tokens) {
        Optional<String> charset = Optional.empty();
        Optional<String> writtenCharset = Optional.empty();
        Optional<String> comment = Optional.empty();
        while (!tokens.atEnd()) {
            tokens.accept("DEFAULT");
            if (tokens.accept("CHARACTER", "SET") || tokens.accept("CHARSET")) {
                tokens.acceptSymbol("=");
                writtenCharset = Optional.of(tokens.peek().text());
                charset = Optional.of(Charsets.named(tokens.charsetName()));
            } else if (tokens.accept("COLLATE")) {
                tokens.acceptSymbol("=");
                String implied = Charsets.ofCollation(tokens.charsetName());
                if (charset.isPresent() && !charset.get().equals(implied)) {
                    throw new DdlTokens.Unsupported("a collation of another character set");
                }
                charset = Optional.of(implied);
            } else if (tokens.accept("COMMENT")) {
                tokens.acceptSymbol("=");
                comment = Optional.of(tokens.string());
            } else if (tokens.accept("ENGINE") || tokens.accept("ROW_FORMAT")) {
                tokens.acceptSymbol("=");
                tokens.name();
            } else if (tokens.accept("AUTO_INCREMENT")) {
                tokens.acceptSymbol("=");
                tokens.number();
            } else if (tokens.accept("PARTITION", "BY")) {
                // partitioning changes neither the columns nor the key: the rest of the statement is read over
                while (!tokens.atEnd()) {
                    tokens.take();
                }
            } else if (tokens.peek().kind() == DdlTokens.Kind.WORD && !STATEMENT_WORDS.contains(
                    tokens.peek().text().toUpperCase(Locale.ROOT))) {
                // any other option (KEY_BLOCK_SIZE=8, STATS_PERSISTENT=0, ENCRYPTION='N', DATA DIRECTORY='x', ...)
                // says nothing of the columns: its name and value are read over
                otherOption(tokens);
            } else {
                throw new DdlTokens.Unsupported("table option " + tokens.peek().text());
            }
            tokens.acceptSymbol(",");
        }
        // Debezium names the table's character set as written (utf8), where the server writes utf8mb3
        Optional<String> resolved = charset;
        return new TableOptions(resolved, comment, writtenCharset.filter(written -> !resolved.equals(Optional.of(written))));
    }
}
