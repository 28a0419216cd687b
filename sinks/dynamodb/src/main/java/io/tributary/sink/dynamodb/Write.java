package io.tributary.sink.dynamodb;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item-level write: a put of {@code item} or, when {@code item} is null, a delete.
 *
 * @param table the DynamoDB table
 * @param key the item's key attributes (hash, and sort when configured)
 * @param item every attribute of the item to put, or null for a delete
 */
record Write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
    boolean isDelete() {
        return item == null;
    }
}
