package io.tributary.source.mysql.schema;

/** Text as the server writes it inside a quoted string literal of {@code SHOW CREATE TABLE} or a column type. */
public final class StringLiterals {
    private StringLiterals() {
    }

    /**
     * {@code value} between the quotes of the literal the server writes for it: quotes doubled; backslashes, NUL,
     * line feeds and carriage returns escaped with a backslash (other control characters as they are).
     */
    public static String body(String value) {
        StringBuilder literal = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '\'' -> literal.append("''");
                case '\0' -> literal.append("\\0");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                default -> literal.append(c);
            }
        }
        return literal.toString();
    }
}
