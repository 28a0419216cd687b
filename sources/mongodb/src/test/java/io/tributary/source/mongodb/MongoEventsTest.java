package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.tributary.api.ChangeRecord;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

/**
 * Change events the test server (mongo-java-server) does not send — an update with its description, inside a
 * transaction, with a wall time (MongoDB 6.0+) — decoded by the driver from documents of the shape MongoDB's change
 * events documentation gives (written here as test data), and the fields Debezium 3.5 writes for them. These paths
 * are proven only this way.
 */
class MongoEventsTest {
    private static final MongoSource.Namespace ORDERS = new MongoSource.Namespace("shop", "orders");

    private final MongoEvents events = new MongoEvents("shop", "1.0", true);

    @Test
    void anUpdateInATransactionCarriesItsDescriptionSessionAndWallTime() {
        ChangeRecord record = only(events.change(ORDERS, decode("""
                {"_id": {"_data": "8265540F8000000003"}, "operationType": "update",
                 "clusterTime": {"$timestamp": {"t": 1700000000, "i": 3}},
                 "wallTime": {"$date": "2023-11-14T22:13:20.123Z"},
                 "ns": {"db": "shop", "coll": "orders"},
                 "documentKey": {"_id": {"$oid": "64b7f0c2a1b2c3d4e5f60718"}},
                 "updateDescription": {"updatedFields": {"name": "y", "n": {"$numberLong": "7"}, "nested.a": [1]},
                                       "removedFields": ["old"],
                                       "truncatedArrays": [{"field": "list", "newSize": 2}]},
                 "fullDocument": {"_id": {"$oid": "64b7f0c2a1b2c3d4e5f60718"}, "name": "y", "n": {"$numberLong": "7"},
                                  "nested": {"a": [1]}, "list": [1, 2]},
                 "lsid": {"id": {"$binary": {"base64": "Ej5FZ+ibEtOkVkJmFBdAAA==", "subType": "04"}},
                          "uid": {"$binary": {"base64": "47DEQpj8HBSa+/TImW+5JA==", "subType": "00"}}},
                 "txnNumber": {"$numberLong": "2"}}"""), Map.of("sec", 1)));

        Object[] value = (Object[]) record.value();
        assertThat(((Object[]) record.key())[0]).isEqualTo("{\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"}");
        assertThat(value[1]).isEqualTo("{\"_id\": {\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"},\"name\": \"y\","
                + "\"n\": {\"$numberLong\": \"7\"},\"nested\": {\"a\": [1]},\"list\": [1,2]}");
        Object[] description = (Object[]) value[2];
        assertThat(description[0]).isEqualTo(List.of("old"));
        assertThat(description[1]).as("updatedFields: relaxed JSON, as BsonDocument.toJson() writes it")
                .isEqualTo("{\"name\": \"y\", \"n\": 7, \"nested.a\": [1]}");
        assertThat((List<?>) description[2]).singleElement()
                .satisfies(array -> assertThat((Object[]) array).containsExactly("list", 2));
        assertThat(Arrays.asList((Object[]) value[3])).containsExactly("1.0", "mongodb", "shop", 1700000000123L,
                null, "shop", null, 1700000000123000L, 1700000000123000000L, "orders", 3,
                "{\"id\": {\"$binary\": \"Ej5FZ+ibEtOkVkJmFBdAAA==\",\"$type\": \"04\"},\"uid\": {\"$binary\": "
                        + "\"47DEQpj8HBSa+/TImW+5JA==\",\"$type\": \"00\"}}", 2L, 1700000000123L);
        assertThat(value[4]).isEqualTo("u");
    }

    @Test
    void withoutAWallTimeTheClusterTimeDatesTheChange() {
        ChangeRecord record = only(events.change(ORDERS, decode("""
                {"_id": {"_data": "8265540F8000000004"}, "operationType": "insert",
                 "clusterTime": {"$timestamp": {"t": 1700000000, "i": 4}},
                 "documentKey": {"_id": 5}, "fullDocument": {"_id": 5, "d": 1.0E21}}"""), Map.of()));

        Object[] source = (Object[]) ((Object[]) record.value())[3];
        assertThat(source[3]).isEqualTo(1700000000000L);
        assertThat(source[10]).isEqualTo(4);
        assertThat(source[11]).as("no session outside a transaction").isNull();
        assertThat(source[13]).isNull();
        assertThat(((Object[]) record.value())[1]).isEqualTo("{\"_id\": 5,\"d\": 1.0E21}");
        assertThat(((Object[]) record.value())[2]).as("no updateDescription for an insert").isNull();
    }

    @Test
    void aWallTimeOfZeroCountsAsNoneAndTheClusterTimeDatesTheChange() {
        // Debezium's SourceInfo takes a wall time of 0 for none (compat-mongodb's MongoEventFormatDifferentialTest)
        ChangeRecord record = only(events.change(ORDERS, decode("""
                {"_id": {"_data": "8265540F8000000006"}, "operationType": "insert",
                 "clusterTime": {"$timestamp": {"t": 1700000000, "i": 6}}, "wallTime": {"$date": 0},
                 "documentKey": {"_id": 6}, "fullDocument": {"_id": 6}}"""), Map.of()));

        Object[] source = (Object[]) ((Object[]) record.value())[3];
        assertThat(source[3]).as("ts_ms").isEqualTo(1700000000000L);
        assertThat(source[7]).as("ts_us").isEqualTo(1700000000000000L);
        assertThat(source[13]).as("wallTime").isNull();
    }

    @Test
    void aDeleteIsFollowedByATombstoneUnlessTheyAreOff() {
        String delete = """
                {"_id": {"_data": "8265540F8000000005"}, "operationType": "delete",
                 "clusterTime": {"$timestamp": {"t": 1700000000, "i": 5}}, "documentKey": {"_id": "abc"}}""";

        assertThat(events.change(ORDERS, decode(delete), Map.of())).extracting(ChangeRecord::isTombstone)
                .containsExactly(false, true);
        assertThat(new MongoEvents("shop", "1.0", false).change(ORDERS, decode(delete), Map.of())).hasSize(1);
    }

    private static ChangeRecord only(List<ChangeRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static ChangeStreamDocument<BsonDocument> decode(String json) {
        return ChangeStreamDocument.createCodec(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
                .decode(new BsonDocumentReader(BsonDocument.parse(json)), DecoderContext.builder().build());
    }
}
