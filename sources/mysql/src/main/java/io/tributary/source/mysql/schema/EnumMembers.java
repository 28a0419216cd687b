package io.tributary.source.mysql.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of an ENUM or SET column as the server writes them in its column type: each between single quotes,
 * with quotes doubled and backslashes escaped ({@code 'it''s'}, {@code 'x\\y'}). Debezium reads them from that text
 * and shows them in three ways, which these methods give: the token as written (schema-change events), and its
 * "option" (the {@code allowed} parameter, and the value of a streamed ENUM or SET).
 */
public final class EnumMembers {
    private EnumMembers() {
    }

    /** The member tokens of {@code enum('a','b''c')} or {@code set(...)}, as written, without the outer quotes. */
    public static List<String> fromColumnType(String columnType) {
        List<String> tokens = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        StringBuilder current = null;
        while (i < columnType.length()) {
            char c = columnType.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < columnType.length()) {
                current.append(c).append(columnType.charAt(++i));
            } else if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                current.append("''");
                i++;
            } else if (c == '\'') {
                tokens.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
            i++;
        }
        return tokens;
    }

    /** The token the server writes for a member whose value is {@code value}. */
    public static String token(String value) {
        return StringLiterals.body(value);
    }

    /**
     * Debezium's option for a token: commas escaped with a backslash (they separate the {@code allowed} list),
     * quotes unescaped, every other escape left as written.
     */
    public static String option(String token) {
        return token.replace(",", "\\,").replace("\\'", "'").replace("''", "'");
    }
}
