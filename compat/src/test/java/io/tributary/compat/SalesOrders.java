package io.tributary.compat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Seed 003's {@code salesdb.SALES_ORDER}: the table, its 29,000 orders, and both sides read for comparison. */
final class SalesOrders {
    /** The DynamoDB table seed 003's sink writes them to ({@code table.name.format=kafka_${topic}}). */
    static final String TABLE = "kafka_salesdb.salesdb.SALES_ORDER";

    private SalesOrders() {
    }

    static void create(TestingBinlogServer database) {
        database.execute("CREATE DATABASE salesdb",
                "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL, "
                        + "ORDER_DATE DATETIME NOT NULL, SHIP_MODE VARCHAR(20))",
                "INSERT INTO salesdb.SALES_ORDER SELECT n, 1000 + n % 2000, "
                        + "'2022-06-15 07:52:16' - INTERVAL n MINUTE, ELT(1 + n % 3, 'STANDARD', 'ONE-DAY', "
                        + "'TWO-DAY') FROM " + TestingBinlogServer.integers(29_000));
    }

    /** Inserts 100 orders, updates every 290th, deletes every 580th. */
    static void change(TestingBinlogServer database) {
        database.execute("INSERT INTO salesdb.SALES_ORDER SELECT 29000 + n, 3000 + 29000 + n, '2022-06-16 08:00:00', "
                        + "'EXPRESS' FROM " + TestingBinlogServer.integers(100),
                "UPDATE salesdb.SALES_ORDER SET SHIP_MODE = 'UPGRADED' WHERE ORDER_ID % 290 = 0",
                "DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID % 580 = 1");
    }

    /** Every order: SITE_ID, ORDER_DATE as Debezium's epoch milliseconds, SHIP_MODE. */
    static Map<Integer, List<String>> rows(TestingBinlogServer database) {
        Map<Integer, List<String>> rows = new TreeMap<>();
        for (Map<String, Object> row : database.query("SELECT ORDER_ID, SITE_ID, "
                + "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ORDER_DATE) * 1000 AS MILLIS, SHIP_MODE "
                + "FROM salesdb.SALES_ORDER")) {
            rows.put(((Number) row.get("ORDER_ID")).intValue(), List.of(row.get("SITE_ID").toString(),
                    row.get("MILLIS").toString(), String.valueOf(row.get("SHIP_MODE"))));
        }
        return rows;
    }

    /** The same for every item of the DynamoDB table; empty while the table does not exist. */
    static Map<Integer, List<String>> items(TestingDynamoDb dynamo) {
        Map<Integer, List<String>> items = new TreeMap<>();
        try {
            dynamo.client().scanPaginator(builder -> builder.tableName(TABLE)).items().forEach(item ->
                    items.put(Integer.valueOf(item.get("ORDER_ID").n()), List.of(item.get("SITE_ID").n(),
                            item.get("ORDER_DATE").n(), text(item.get("SHIP_MODE")))));
        } catch (ResourceNotFoundException notYet) {
            return Map.of();
        }
        return items;
    }

    private static String text(AttributeValue value) {
        return Boolean.TRUE.equals(value.nul()) ? "null" : value.s();
    }
}
