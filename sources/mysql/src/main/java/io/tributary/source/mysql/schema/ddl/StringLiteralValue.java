package io.tributary.source.mysql.schema.ddl;

/** The value of a single-quoted string literal of a statement, from its text between the quotes. */
final class StringLiteralValue {
    private StringLiteralValue() {
    }

    /**
     * {@code it''s} and {@code it\'s} as {@code it's}; the usual backslash escapes read. Escapes whose meaning depends
     * on the context ({@code \%}, {@code \_}) or that are rare ({@code \Z}, {@code \b}) are not understood.
     */
    static String unescape(String body) {
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                value.append(escaped(body.charAt(++i)));
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
            case '\\', '\'', '"' -> c;
            default -> throw new DdlTokens.Unsupported("escape \\" + c);
        };
    }
}
