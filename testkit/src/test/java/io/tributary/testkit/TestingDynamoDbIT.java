package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TestingDynamoDbIT {

    @Test
    void itemPutIsReadBack() {
        try (TestingDynamoDb dynamoDb = TestingDynamoDb.create(); DynamoDbClient client = dynamoDb.client()) {
            client.createTable(table -> table
                    .tableName("kafka_salesdb.SALES_ORDER")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("ORDER_ID").attributeType(ScalarAttributeType.N).build(),
                            AttributeDefinition.builder().attributeName("SITE_ID").attributeType(ScalarAttributeType.N).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName("ORDER_ID").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("SITE_ID").keyType(KeyType.RANGE).build()));
            Map<String, AttributeValue> key = Map.of(
                    "ORDER_ID", AttributeValue.fromN("29001"),
                    "SITE_ID", AttributeValue.fromN("3"));
            Map<String, AttributeValue> item = Map.of(
                    "ORDER_ID", AttributeValue.fromN("29001"),
                    "SITE_ID", AttributeValue.fromN("3"),
                    "SHIP_DATE", AttributeValue.fromS("2026-11-22"));

            client.putItem(put -> put.tableName("kafka_salesdb.SALES_ORDER").item(item));
            GetItemResponse read = client.getItem(get -> get.tableName("kafka_salesdb.SALES_ORDER").key(key).consistentRead(true));

            assertThat(read.item()).isEqualTo(item);
        }
    }
}
