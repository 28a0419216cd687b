package io.tributary.source.mongodb;

import java.util.List;
import java.util.UUID;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.codecs.DecoderContext;

/**
 * A change-stream event as MongoDB's server sends it (the fields of its change events documentation), built as a BSON
 * document and {@linkplain #decode() decoded} by the driver's own {@link ChangeStreamDocument} codec, as a change
 * stream's cursor decodes it. Immutable: each {@code with...} returns a changed copy.
 */
record ChangeEvent(String description, BsonDocument document) {
    private static final BsonDocument LSID = new BsonDocument("id",
            new BsonBinary(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), UuidRepresentation.STANDARD))
            .append("uid", new BsonBinary(new byte[32]));

    static ChangeEvent insert(MongoSource.Namespace ns, BsonDocument document, int order) {
        return event("insert", ns, document.get("_id"), order).with("fullDocument", document);
    }

    /** An update as the server describes it: what was set, what was removed, which arrays were cut short. */
    static ChangeEvent update(MongoSource.Namespace ns, BsonValue id, BsonDocument updatedFields,
            List<String> removedFields, List<BsonDocument> truncatedArrays, int order) {
        BsonDocument description = new BsonDocument("updatedFields", updatedFields)
                .append("removedFields", new BsonArray(removedFields.stream().map(BsonString::new).toList()))
                .append("truncatedArrays", new BsonArray(truncatedArrays));
        return event("update", ns, id, order).with("updateDescription", description);
    }

    static ChangeEvent replace(MongoSource.Namespace ns, BsonDocument document, int order) {
        return event("replace", ns, document.get("_id"), order).with("fullDocument", document);
    }

    static ChangeEvent delete(MongoSource.Namespace ns, BsonValue id, int order) {
        return event("delete", ns, id, order);
    }

    /** A truncated array of an update's description. */
    static BsonDocument truncated(String field, int newSize) {
        return new BsonDocument("field", new BsonString(field)).append("newSize", new BsonInt32(newSize));
    }

    private static ChangeEvent event(String type, MongoSource.Namespace ns, BsonValue id, int order) {
        BsonDocument document = new BsonDocument("_id", new BsonDocument("_data",
                new BsonString(String.format("8265540F80%08X", order))))
                .append("operationType", new BsonString(type))
                .append("clusterTime", new BsonTimestamp(1_700_000_000 + order / 3, order))
                .append("ns", new BsonDocument("db", new BsonString(ns.database()))
                        .append("coll", new BsonString(ns.collection())))
                .append("documentKey", new BsonDocument("_id", id));
        return new ChangeEvent(type + " of " + ns + " #" + order, document);
    }

    /** With MongoDB 6.0's {@code wallTime}. */
    ChangeEvent withWallTime(long epochMillis) {
        return with("wallTime", new BsonDateTime(epochMillis)).described("wallTime " + epochMillis);
    }

    /** Inside a multi-document transaction: the session's {@code lsid} and the {@code txnNumber}. */
    ChangeEvent inTransaction(long txnNumber) {
        return with("lsid", LSID).with("txnNumber", new BsonInt64(txnNumber)).described("txn " + txnNumber);
    }

    /** With a session but no transaction number (Debezium and Tributary write neither). */
    ChangeEvent withSessionOnly() {
        return with("lsid", LSID).described("lsid only");
    }

    /** With the document the server looked up ({@code fullDocument: updateLookup}). */
    ChangeEvent withFullDocument(BsonDocument document) {
        return with("fullDocument", document).described("full document");
    }

    /** With the pre-image ({@code fullDocumentBeforeChange}, MongoDB 6.0's change stream pre-images). */
    ChangeEvent withBefore(BsonDocument document) {
        return with("fullDocumentBeforeChange", document).described("pre-image");
    }

    ChangeEvent with(String field, BsonValue value) {
        BsonDocument copy = document.clone();
        copy.put(field, value);
        return new ChangeEvent(description, copy);
    }

    private ChangeEvent described(String more) {
        return new ChangeEvent(description + ", " + more, document);
    }

    ChangeStreamDocument<BsonDocument> decode() {
        return ChangeStreamDocument.createCodec(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
                .decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }

    @Override
    public String toString() {
        return description;
    }
}
