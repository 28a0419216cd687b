package io.tributary.source.mysql.schema.ddl;

import java.util.Locale;
import java.util.Optional;

/**
 * The table options of a CREATE TABLE that this package reads: the character set (or a collation, which implies
 * one), how the statement named it, and the comment. Storage options are read over; any other option is not understood.
 */
record TableOptions(Optional<String> charset, Optional<String> comment, Optional<String> writtenCharset) {
    static TableOptions read(DdlTokens tokens) {
        Optional<String> charset = Optional.empty();
        Optional<String> writtenCharset = Optional.empty();
        Optional<String> comment = Optional.empty();
        while (!tokens.atEnd()) {
            tokens.accept("DEFAULT");
            if (tokens.accept("CHARACTER", "SET") || tokens.accept("CHARSET")) {
                tokens.acceptSymbol("=");
                writtenCharset = Optional.of(tokens.peek().text().toLowerCase(Locale.ROOT));
                charset = Optional.of(Charsets.named(tokens.name()));
            } else if (tokens.accept("COLLATE")) {
                tokens.acceptSymbol("=");
                String implied = Charsets.ofCollation(tokens.name());
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
