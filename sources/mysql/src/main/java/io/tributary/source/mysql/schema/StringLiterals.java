package io.tributary.source.mysql.schema;

/** Text as the server writes it inside a quoted string literal of {@code SHOW CREATE TABLE} or a column type. */
public final class StringLiterals {
    private StringLiterals() {
    }

    /** {@code value} between the quotes of the literal the server writes for it: quotes doubled, backslashes escaped. */
    public static String body(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }
}
