package io.tributary.sink.dynamodb;

/**
 * Where a DynamoDB key attribute comes from, as the Confluent DynamoDB sink spells it: {@code value.<field>} or
 * {@code key.<field>}. The attribute is named after the field.
 *
 * @param fromKey whether the field is read from the record key rather than its value
 * @param field the field's name
 */
record KeyPath(boolean fromKey, String field) {
    /**
     * @throws IllegalArgumentException for anything else, saying what is expected
     */
    static KeyPath parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("value.") && trimmed.length() > "value.".length()) {
            return new KeyPath(false, trimmed.substring("value.".length()));
        }
        if (trimmed.startsWith("key.") && trimmed.length() > "key.".length()) {
            return new KeyPath(true, trimmed.substring("key.".length()));
        }
        if (trimmed.equals("partition") || trimmed.equals("offset")) {
            throw new IllegalArgumentException("a Kafka " + trimmed + " does not exist in a standalone pipeline; "
                    + "use value.<field> or key.<field>");
        }
        throw new IllegalArgumentException("expected value.<field> or key.<field>");
    }
}
