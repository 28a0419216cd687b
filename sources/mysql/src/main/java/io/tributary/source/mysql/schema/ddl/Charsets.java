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

    /**
     * The most bytes a character of {@code charset} takes, as the server's {@code MAXLEN}; a character set not listed
     * is not understood.
     */
    static int maxBytesPerChar(String charset) {
        return switch (charset) {
            case "utf8mb4", "utf16", "utf16le", "utf32", "gb18030" -> 4;
            case "utf8mb3", "ujis", "eucjpms" -> 3;
            case "ucs2", "sjis", "cp932", "gbk", "gb2312", "big5", "euckr" -> 2;
            case "binary", "latin1", "latin2", "latin5", "latin7", "ascii", "cp1250", "cp1251", "cp1256", "cp1257",
                    "cp850", "cp852", "cp866", "dec8", "hp8", "koi8r", "koi8u", "swe7", "greek", "hebrew", "tis620",
                    "armscii8", "geostd8", "keybcs2", "macroman", "macce" -> 1;
            default -> throw new DdlTokens.Unsupported("character set " + charset);
        };
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
