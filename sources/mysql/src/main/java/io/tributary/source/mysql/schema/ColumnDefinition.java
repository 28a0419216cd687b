package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One column as {@code information_schema.COLUMNS} describes it.
 *
 * @param name the column name
 * @param position 1-based position in the table
 * @param dataType the bare type in lower case: {@code int}, {@code varchar}, {@code datetime}, ...
 * @param columnType the full type: {@code int(10) unsigned}, {@code enum('a','b')}, ...
 * @param nullable whether NULL is allowed
 * @param defaultValue the default as Debezium's DDL parser states it ({@link SchemaReader#defaultValue}); empty for
 *     none, NULL or an expression
 * @param charset the character set of a text column
 * @param length character length or numeric precision
 * @param scale numeric scale, or fractional-second digits of a temporal column
 * @param enumValues the members of an ENUM or SET column, as the server's column type writes them ({@link EnumMembers})
 * @param autoIncrement whether Debezium calls the column auto-incremented: AUTO_INCREMENT, or on MySQL ON UPDATE
 *     CURRENT_TIMESTAMP
 * @param generated whether the column is generated (virtual or stored)
 * @param comment the column comment, if any, as {@code SHOW CREATE TABLE} writes it ({@link StringLiterals#body}),
 *     which is what Debezium shows
 * @param declared the type as a DDL statement read while streaming spelt it, when known
 */
public record ColumnDefinition(
        String name,
        int position,
        String dataType,
        String columnType,
        boolean nullable,
        Optional<String> defaultValue,
        Optional<String> charset,
        long length,
        int scale,
        List<String> enumValues,
        boolean autoIncrement,
        boolean generated,
        Optional<String> comment,
        Optional<DeclaredType> declared) {

    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(columnType, "columnType is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(charset, "charset is null");
        enumValues = List.copyOf(enumValues);
        requireNonNull(comment, "comment is null");
        requireNonNull(declared, "declared is null");
    }

    /** A column as the server describes it, without a declared spelling. */
    public ColumnDefinition(String name, int position, String dataType, String columnType, boolean nullable,
            Optional<String> defaultValue, Optional<String> charset, long length, int scale, List<String> enumValues,
            boolean autoIncrement, boolean generated, Optional<String> comment) {
        this(name, position, dataType, columnType, nullable, defaultValue, charset, length, scale, enumValues,
                autoIncrement, generated, comment, Optional.empty());
    }

    /** This column with the spelling a DDL statement gave its type. */
    public ColumnDefinition withDeclared(Optional<DeclaredType> newDeclared) {
        return new ColumnDefinition(name, position, dataType, columnType, nullable, defaultValue, charset, length, scale,
                enumValues, autoIncrement, generated, comment, newDeclared);
    }

    /** This column in another character set, with the spelling a statement gave that set. */
    public ColumnDefinition withCharset(String newCharset, Optional<DeclaredType> newDeclared) {
        return new ColumnDefinition(name, position, dataType, columnType, nullable, defaultValue,
                Optional.of(newCharset), length, scale, enumValues, autoIncrement, generated, comment, newDeclared);
    }

    /** This column with another default. */
    public ColumnDefinition withDefaultValue(Optional<String> newDefault) {
        return new ColumnDefinition(name, position, dataType, columnType, nullable, newDefault, charset, length, scale,
                enumValues, autoIncrement, generated, comment, declared);
    }

    /** This column at another position. */
    public ColumnDefinition withPosition(int newPosition) {
        return new ColumnDefinition(name, newPosition, dataType, columnType, nullable, defaultValue, charset, length,
                scale, enumValues, autoIncrement, generated, comment, declared);
    }

    /** This column under another name. */
    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(newName, position, dataType, columnType, nullable, defaultValue, charset, length,
                scale, enumValues, autoIncrement, generated, comment, declared);
    }

    /** This column NOT NULL, as the columns of a primary key are. */
    public ColumnDefinition withNullable(boolean newNullable) {
        return new ColumnDefinition(name, position, dataType, columnType, newNullable, defaultValue, charset, length,
                scale, enumValues, autoIncrement, generated, comment, declared);
    }

    /** This column without its comment. */
    public ColumnDefinition withoutComment() {
        return new ColumnDefinition(name, position, dataType, columnType, nullable, defaultValue, charset, length,
                scale, enumValues, autoIncrement, generated, Optional.empty(), declared);
    }

    public ColumnDefinition notNull() {
        return new ColumnDefinition(name, position, dataType, columnType, false, defaultValue, charset, length, scale,
                enumValues, autoIncrement, generated, comment, declared);
    }

    public boolean unsigned() {
        return columnType.contains("unsigned");
    }
}
