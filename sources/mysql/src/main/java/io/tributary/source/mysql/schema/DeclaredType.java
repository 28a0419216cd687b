package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.sql.Types;
import java.util.Optional;

/**
 * A column's type as the DDL statement that made it spelt it, which Debezium's DDL parser keeps and
 * {@code information_schema} does not: the type's words ({@code BOOL}, {@code INTEGER UNSIGNED}, {@code INT8},
 * {@code DOUBLE PRECISION}, {@code NUMERIC}, {@code CHARACTER VARYING}, {@code NATIONAL CHAR},
 * {@code LONG VARCHAR}), the JDBC type Debezium gives those words (a BOOL is a boolean, a REAL a float), and a
 * character set named {@code utf8}. Known only for a column created or changed by a statement Tributary read while
 * streaming; a snapshot, like Debezium's, reads the server's spelling.
 *
 * @param name the type's words as written, upper case, with the SIGNED, UNSIGNED and ZEROFILL written after them
 * @param jdbcType the JDBC type Debezium's parser gives those words
 * @param charset the character set as written (or {@code utf8} for a national type, as Debezium names it); empty
 *     when the statement named none
 * @param width the display width written for an integer type: {@code 5} of {@code INTEGER(5)}; empty when none was
 *     (Debezium then gives no length, whatever width the server shows); the precision of a {@code FLOAT(p)}; the
 *     length written for a TIME, DATETIME, TIMESTAMP, YEAR or BINARY
 */
public record DeclaredType(String name, int jdbcType, Optional<String> charset, Optional<Integer> width) {
    public DeclaredType {
        requireNonNull(name, "name is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(width, "width is null");
    }

    /** BOOL or BOOLEAN: a boolean field, whatever TINYINT(1) the server made of it. */
    public boolean isBoolean() {
        return jdbcType == Types.BOOLEAN;
    }

    /** REAL: a float field, whatever DOUBLE the server made of it. */
    public boolean isReal() {
        return jdbcType == Types.REAL;
    }

    /** A BOOL's default as Debezium reads it: a number is true unless zero; TRUE and FALSE in any case. */
    public static boolean booleanOf(String text) {
        try {
            return Integer.parseInt(text.strip()) != 0;
        } catch (NumberFormatException notANumber) {
            return Boolean.parseBoolean(text.strip());
        }
    }

    public DeclaredType withCharset(Optional<String> newCharset) {
        return new DeclaredType(name, jdbcType, newCharset, width);
    }
}
