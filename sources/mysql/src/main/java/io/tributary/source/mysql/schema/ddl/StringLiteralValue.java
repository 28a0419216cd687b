package io.tributary.source.mysql.schema.ddl;

/** The value of a single-quoted string literal of a statement, from its text between the quotes. */
final class StringLiteralValue {
    private StringLiteralValue() {
    }

    /**
     * {@code it''s} and {@code it\'s} as {@code it's}; the backslash escapes read as MySQL and MariaDB read them:
     * {@code \%} and {@code \_} keep their backslash (they are escapes in a LIKE pattern only), {@code \Z} is
     * control-Z, and a backslash before any other character is that character.
     */
    static String unescape(String body) {
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                if (next == '%' || next == '_') {
                    value.append('\\');
                }
                value.append(escaped(next));
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static char escaped(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'Z' -> (char) 26;
            default -> c;
        };
    }
}
