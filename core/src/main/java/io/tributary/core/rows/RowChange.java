package io.tributary.core.rows;

import io.tributary.api.EventSchema;

/**
 * What a record asks of a table-like sink: upsert a row, or delete one.
 *
 * @param delete whether the row is to be deleted
 * @param rowSchema the row's schema; null for a delete known only by its record key
 * @param row the row's values (for a delete, the row before it, when known); null for a key-only delete
 */
public record RowChange(boolean delete, EventSchema rowSchema, Object[] row) {
    public boolean keyOnly() {
        return row == null;
    }
}
