package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The documents of the differential: one carrying a value of every BSON type (and the awkward values of some: doubles
 * that JSON writes in exponent form, negative zero, NaN and infinities, strings with non-ASCII, control and line
 * separator characters, dates before 1970), and the {@code _id}s of the keys (ObjectId, int32, int64, double, string,
 * document, UUID binary, date, Decimal128).
 */
final class BsonCatalogue {
    private BsonCatalogue() {
    }

    /** The {@code _id}s of the keys, each distinct. */
    static List<BsonValue> ids() {
        return List.of(
                new BsonObjectId(new ObjectId("64b7f0c2a1b2c3d4e5f60718")),
                new BsonInt32(42),
                new BsonInt32(-7),
                new BsonInt64(9_007_199_254_740_993L),
                new BsonInt64(5),
                new BsonDouble(2.5),
                new BsonString("order-1"),
                new BsonString("ünïcødé ✓ \u2028 \"quoted\""),
                new BsonDocument("region", new BsonString("eu")).append("n", new BsonInt32(1)),
                new BsonBinary(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), UuidRepresentation.STANDARD),
                new BsonDateTime(-86_400_000L),
                new BsonDecimal128(Decimal128.parse("1234.5600")));
    }

    /** A document holding {@code id} and a value of each BSON type. */
    static BsonDocument allTypes(BsonValue id) {
        return new BsonDocument("_id", id)
                .append("int32", new BsonInt32(Integer.MIN_VALUE))
                .append("int64", new BsonInt64(Long.MAX_VALUE))
                .append("int64small", new BsonInt64(3))
                .append("double", new BsonDouble(3.14159))
                .append("doubleWhole", new BsonDouble(1.0))
                .append("doubleHuge", new BsonDouble(1.0E21))
                .append("doubleTiny", new BsonDouble(1.5E-7))
                .append("negativeZero", new BsonDouble(-0.0))
                .append("nan", new BsonDouble(Double.NaN))
                .append("infinity", new BsonDouble(Double.POSITIVE_INFINITY))
                .append("minusInfinity", new BsonDouble(Double.NEGATIVE_INFINITY))
                .append("decimal", new BsonDecimal128(Decimal128.parse("-123456789.0123456789")))
                .append("decimalNaN", new BsonDecimal128(Decimal128.NaN))
                .append("decimalNegativeZero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
                .append("string", new BsonString("héllo wörld — 日本語 😀"))
                .append("controls", new BsonString("nul\u0000 tab\t nl\n cr\r bs\b ff\f esc\u001b del\u007f "
                        + "quote\" backslash\\ slash/ ls\u2028 ps\u2029 <script>&'"))
                .append("empty", new BsonString(""))
                .append("true", BsonBoolean.TRUE)
                .append("false", BsonBoolean.FALSE)
                .append("null", BsonNull.VALUE)
                .append("date", new BsonDateTime(1_700_000_000_123L))
                .append("dateBefore1970", new BsonDateTime(-123_456_789_012L))
                .append("dateEpoch", new BsonDateTime(0))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
                .append("binary", new BsonBinary(new byte[] {0, 1, 2, (byte) 0xff, 0x7f}))
                .append("binaryEmpty", new BsonBinary(new byte[0]))
                .append("uuid", new BsonBinary(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"),
                        UuidRepresentation.STANDARD))
                .append("uuidLegacy", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
                .append("binaryUserDefined", new BsonBinary((byte) 0x80, new byte[] {9, 8}))
                .append("regex", new BsonRegularExpression("^ab+c\\d*$", "imx"))
                .append("regexNoOptions", new BsonRegularExpression("a/b"))
                .append("objectId", new BsonObjectId(new ObjectId("5f0c8a7b9d3e2a1b4c5d6e7f")))
                .append("javascript", new BsonJavaScript("function() { return 1; }"))
                .append("symbol", new BsonSymbol("sym"))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("nested", new BsonDocument("a", new BsonDocument("b", new BsonDocument("c", new BsonInt32(1))))
                        .append("list", new BsonArray(List.of(new BsonInt64(1), new BsonString("x")))))
                .append("mixedArray", new BsonArray(List.of(new BsonInt32(1), new BsonString("a"), BsonNull.VALUE,
                        BsonBoolean.TRUE, new BsonDouble(2.0), new BsonDocument("x", new BsonInt32(1)),
                        new BsonArray(List.of(new BsonInt32(2))), new BsonDateTime(-1))))
                .append("documentArray", new BsonArray(List.of(
                        new BsonDocument("sku", new BsonString("A-1")).append("qty", new BsonInt32(2)),
                        new BsonDocument("sku", new BsonString("B-2")).append("qty", new BsonInt64(3)))))
                .append("emptyDocument", new BsonDocument())
                .append("emptyArray", new BsonArray())
                .append("fïeld with spaces.and\"quotes", new BsonInt32(1));
    }

    /** A small document: the one whose changes the update, replace and delete events carry. */
    static BsonDocument small(BsonValue id, int version) {
        return new BsonDocument("_id", id)
                .append("name", new BsonString("item " + version))
                .append("qty", new BsonInt32(version))
                .append("tags", new BsonArray(List.of(new BsonString("a"), new BsonString("b"), new BsonString("c"))))
                .append("old", new BsonString("to be removed"));
    }

    /** Every document of the catalogue: the all-types one under each id, then a small one under each. */
    static List<BsonDocument> documents() {
        List<BsonDocument> documents = new ArrayList<>();
        ids().forEach(id -> documents.add(allTypes(id)));
        ids().forEach(id -> documents.add(small(id, 1)));
        return documents;
    }
}
