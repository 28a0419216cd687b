package io.tributary.source.mysql.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of one DDL statement and a cursor over them. Comments are skipped, except executable ones
 * ({@code /*! ... *}{@code /}), which make the statement unreadable here: their meaning depends on the server version.
 * Every method that does not find what it expects throws {@link Unsupported}, which the applier turns into "not
 * understood".
 */
final class DdlTokens {
    /** What a token is. */
    /**
     * What a token is; {@code DOUBLE_QUOTED} text is a string or a name depending on the session's sql_mode
     * (ANSI_QUOTES), so nothing that reads a string or a name takes it.
     */
    enum Kind { WORD, QUOTED_NAME, STRING, DOUBLE_QUOTED, NUMBER, SYMBOL }

    /**
     * One token.
     *
     * @param text a word as written; a quoted name unquoted; a string literal's value unescaped; a number or symbol
     *     as written
     * @param written a string literal's text between its quotes, escapes as written (Debezium's parser keeps a
     *     default so); otherwise {@code text}
     */
    record Token(Kind kind, String text, String written) {
        Token(Kind kind, String text) {
            this(kind, text, text);
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** Thrown where a statement holds something this package does not fully understand. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final List<Token> tokens;
    private int next;

    private DdlTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The tokens of a statement as MySQL reads it. */
    static DdlTokens of(String sql) {
        return of(sql, false);
    }

    /** The tokens of a statement as the server reads it: MariaDB and MySQL run different executable comments. */
    static DdlTokens of(String sql, boolean mariaDb) {
        return new DdlTokens(new Lexer(sql, mariaDb).tokens());
    }

    boolean atEnd() {
        return next == tokens.size() || next == tokens.size() - 1 && tokens.get(next).isSymbol(";");
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int at = next + ahead;
        return at < tokens.size() ? tokens.get(at) : new Token(Kind.SYMBOL, "<end>");
    }

    /** Where the next token is, for {@link #wordsSince}. */
    int mark() {
        return next;
    }

    /**
     * The words taken since {@code mark}, outside parentheses, as written: {@code INTEGER UNSIGNED} of
     * {@code INTEGER(5) UNSIGNED}.
     */
    List<String> wordsSince(int mark) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        for (int at = mark; at < next; at++) {
            Token token = tokens.get(at);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == Kind.WORD) {
                words.add(token.text());
            }
        }
        return words;
    }

    /** The number in the first parentheses taken since {@code mark}: {@code 5} of {@code INTEGER(5) UNSIGNED}. */
    Optional<Integer> firstParameterSince(int mark) {
        for (int at = mark; at + 1 < next; at++) {
            if (tokens.get(at).isSymbol("(") && tokens.get(at + 1).kind() == Kind.NUMBER) {
                return Optional.of(Integer.valueOf(tokens.get(at + 1).text()));
            }
        }
        return Optional.empty();
    }

    Token take() {
        if (next >= tokens.size()) {
            throw new Unsupported("unexpected end of statement");
        }
        return tokens.get(next++);
    }

    /** Takes the next token when it is one of the words, in order: {@code accept("IF", "EXISTS")}. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        next += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String... words) {
        if (!accept(words)) {
            throw new Unsupported("expected " + String.join(" ", words) + " at " + peek().text());
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new Unsupported("expected " + symbol + " at " + peek().text());
        }
    }

    void expectEnd() {
        if (!atEnd()) {
            throw new Unsupported("unexpected " + peek().text());
        }
    }

    /** A name, quoted or not. */
    String name() {
        Token token = take();
        if (token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.WORD) {
            return token.text();
        }
        throw new Unsupported("expected a name at " + token.text());
    }

    /** A character set's or a collation's name, which may also be written as a string ({@code 'utf8mb4_bin'}). */
    String charsetName() {
        if (peek().kind() == Kind.STRING) {
            return take().text();
        }
        return name();
    }

    /** A name, optionally qualified ({@code db.t}): its last part. */
    String qualifiedName() {
        String name = name();
        while (acceptSymbol(".")) {
            name = name();
        }
        return name;
    }

    /** A whole number. */
    int number() {
        Token token = take();
        if (token.kind() != Kind.NUMBER || !token.text().matches("\\d{1,9}")) {
            throw new Unsupported("expected a number at " + token.text());
        }
        return Integer.parseInt(token.text());
    }

    String string() {
        Token token = take();
        if (token.kind() != Kind.STRING) {
            throw new Unsupported("expected a string at " + token.text());
        }
        return token.text();
    }

    /** A parenthesised list of names, {@code (a, b)}. */
    List<String> nameList() {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return names;
    }

    /** The tokens inside the parenthesised group that comes next, taken, as a cursor of their own. */
    DdlTokens group() {
        expectSymbol("(");
        int start = next;
        int depth = 1;
        while (depth > 0) {
            Token token = take();
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return new DdlTokens(tokens.subList(start, next - 1));
    }

    /** Skips a balanced parenthesised group, the opening parenthesis next. */
    void skipGroup() {
        group();
    }

    /** Splits a statement into tokens. */
    private static final class Lexer {
        /** Versions an executable comment may name that the servers read here (MySQL 8.0 and later, MariaDB) run. */
        private static final int EVERY_SERVER = 80099;
        private final String sql;
        private int at;
        private final List<Token> tokens = new ArrayList<>();
        /** Whether the tokens are inside an executable comment, whose closing {@code *}{@code /} is no token. */
        private boolean executable;

        private final boolean mariaDb;

        Lexer(String sql, boolean mariaDb) {
            this.sql = sql;
            this.mariaDb = mariaDb;
        }

        List<Token> tokens() {
            while (true) {
                skipSpaceAndComments();
                if (at >= sql.length()) {
                    return tokens;
                }
                char c = sql.charAt(at);
                if (c == '`') {
                    tokens.add(new Token(Kind.QUOTED_NAME, quoted('`')));
                } else if (c == '\'') {
                    String body = quoted('\'');
                    tokens.add(new Token(Kind.STRING, StringLiteralValue.unescape(body), body));
                } else if (c == '"') {
                    tokens.add(new Token(Kind.DOUBLE_QUOTED, quoted('"')));
                } else if (Character.isDigit(c) || c == '.' && at + 1 < sql.length()
                        && Character.isDigit(sql.charAt(at + 1))) {
                    tokens.add(new Token(Kind.NUMBER, number()));
                } else if (isWordCharacter(c)) {
                    tokens.add(new Token(Kind.WORD, word()));
                } else {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    at++;
                }
            }
        }

        private void skipComment() {
            int end = sql.indexOf("*/", at + 2);
            if (end < 0) {
                throw new Unsupported("unterminated comment");
            }
            at = end + 2;
        }

        private void skipSpaceAndComments() {
            while (at < sql.length()) {
                if (Character.isWhitespace(sql.charAt(at))) {
                    at++;
                } else if (executable && sql.startsWith("*/", at)) {
                    at += 2;
                    executable = false;
                } else if (!executable && (sql.startsWith("/*!", at) || mariaDb && sql.startsWith("/*M!", at))) {
                    // /*!50100 ... */ (mysqldump, SHOW CREATE TABLE): its text is part of the statement on every
                    // server read here, unless it names a version some of them do not run; MariaDB skips the
                    // MySQL versions 5.7 to 9.x and runs its own /*M!100100 ... */
                    int start = sql.indexOf('!', at) + 1;
                    int digits = start;
                    while (digits < sql.length() && Character.isDigit(sql.charAt(digits))) {
                        digits++;
                    }
                    int version = digits > start ? Integer.parseInt(sql.substring(start, digits)) : 0;
                    if (mariaDb && version >= 50700 && version <= 99999) {
                        skipComment();
                        continue;
                    }
                    if (!mariaDb && version > EVERY_SERVER) {
                        throw new Unsupported("executable comment for version " + version);
                    }
                    at = digits;
                    executable = true;
                } else if (sql.startsWith("/*", at)) {
                    if (sql.startsWith("/*!", at) || mariaDb && sql.startsWith("/*M!", at)) {
                        throw new Unsupported("an executable comment in another");
                    }
                    skipComment();
                } else if (sql.startsWith("-- ", at) || sql.startsWith("#", at)) {
                    int end = sql.indexOf('\n', at);
                    at = end < 0 ? sql.length() : end + 1;
                } else {
                    return;
                }
            }
        }

        /** The text between {@code quote}s as written, a doubled quote kept doubled, backslash escapes kept. */
        private String quoted(char quote) {
            StringBuilder text = new StringBuilder();
            int i = at + 1;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '\\' && quote != '`' && i + 1 < sql.length()) {
                    text.append(c).append(sql.charAt(i + 1));
                    i += 2;
                } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    text.append(quote == '`' ? "`" : "''");
                    i += 2;
                } else if (c == quote) {
                    at = i + 1;
                    return text.toString();
                } else {
                    text.append(c);
                    i++;
                }
            }
            throw new Unsupported("unterminated quote");
        }

        private String number() {
            int start = at;
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
                at++;
            }
            return sql.substring(start, at);
        }

        private String word() {
            int start = at;
            while (at < sql.length() && isWordCharacter(sql.charAt(at))) {
                at++;
            }
            return sql.substring(start, at);
        }

        private static boolean isWordCharacter(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
        }
    }
}
