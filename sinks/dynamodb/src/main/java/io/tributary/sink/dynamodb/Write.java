package io.tributary.sink.dynamodb;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item-level write: a put of {@code item} or, when {@code item} is null, a delete.
 *
 * @param table the DynamoDB table
 * @param key the item's key attributes (hash, and sort when configured)
 * @param item every attribute of the item to put, or null for a delete
 * @param partial whether {@code key} holds only the hash key of a table that also has a sort key: a delete of
 *     every item with that hash key (a tombstone's record key names only the row's primary key)
 */
record Write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, boolean partial) {
    Write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        this(table, key, item, false);
    }

    boolean isDelete() {
        return item == null;
    }
}
