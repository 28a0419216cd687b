package io.tributary.source.mysql.schema.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.tributary.source.mysql.schema.TableDefinition;

/**
 * What could be read of a CREATE TABLE not understood as a whole, its elements read one by one.
 *
 * @param read the columns understood, as the statement defines them, and the key when its columns were all read
 * @param names every column the statement defines, in order, understood or not
 * @param optionsRead whether the table options were understood: otherwise the table's character set, which its text
 *     columns may take, is not known
 */
public record ColumnsRead(TableDefinition read, List<String> names, boolean optionsRead) {
    public ColumnsRead {
        requireNonNull(read, "read is null");
        names = List.copyOf(names);
    }
}
