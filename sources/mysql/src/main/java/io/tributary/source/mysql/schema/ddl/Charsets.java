package io.tributary.source.mysql.schema.ddl;

import java.util.Locale;

/** Character set names as {@code information_schema} writes them. */
final class Charsets {
    private Charsets() {
    }

    /**
     * A character set named in a statement; {@code utf8} is {@code utf8mb3} on the servers this reads. A text column
     * of the {@code binary} character set keeps its type, as Debezium's parser keeps it (the server makes it a
     * BINARY, VARBINARY or BLOB).
     */
    static String named(String name) {
        String charset = name.toLowerCase(Locale.ROOT);
        return charset.equals("utf8") ? "utf8mb3" : charset;
    }

    /** The character set of a collation: the part of its name before the first underscore. */
    static String ofCollation(String collation) {
        int underscore = collation.indexOf('_');
        if (underscore <= 0) {
            throw new DdlTokens.Unsupported("collation " + collation);
        }
        return named(collation.substring(0, underscore));
    }
}
