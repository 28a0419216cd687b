package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The edges of the differential that {@link BsonCatalogue} leaves out: {@code _id}s of every unusual BSON type;
 * documents with awkward field names, deep nesting, extreme numbers and dates, every control character, lone
 * surrogates, every binary subtype, the types Debezium's unwrap refuses or leaves out, large documents; arrays whose
 * unwrapped schema is hard to infer; namespaces whose topic Kafka would refuse. Each document is small and about one
 * thing, so that one Debezium refuses does not hide the others.
 */
final class EdgeCatalogue {
    private EdgeCatalogue() {
    }

    static final MongoSource.Namespace DOTTED = new MongoSource.Namespace("shop", "a.b.c");
    static final MongoSource.Namespace EMOJI = new MongoSource.Namespace("shop", "menu😀𝄞");
    static final MongoSource.Namespace LONG = new MongoSource.Namespace("warehouse", "c".repeat(300));
    static final MongoSource.Namespace BLANK = new MongoSource.Namespace("shop", "  ");
    static final MongoSource.Namespace ODD = new MongoSource.Namespace("shop", "quote\"back\\slash<tab>\tnul$x..y");
    static final MongoSource.Namespace PLAIN = new MongoSource.Namespace("edge", "docs");
    static final MongoSource.Namespace UNICODE_DATABASE = new MongoSource.Namespace("bäse-😀_db", "c");
    static final MongoSource.Namespace LONG_DATABASE = new MongoSource.Namespace("d".repeat(63), "x".repeat(200));
    /** {@code edge.w.<242 chars>}: a topic of exactly 249 characters, Kafka's longest; and one of 250. */
    static final MongoSource.Namespace TOPIC_249 = new MongoSource.Namespace("w", "y".repeat(242));
    static final MongoSource.Namespace TOPIC_250 = new MongoSource.Namespace("w", "z".repeat(243));

    /** Namespaces with names Kafka does not take as they are (and one it does, for the documents). */
    static List<MongoSource.Namespace> namespaces() {
        return List.of(DOTTED, EMOJI, LONG, BLANK, ODD, UNICODE_DATABASE, LONG_DATABASE, TOPIC_249, TOPIC_250, PLAIN);
    }

    /** The unusual {@code _id}s, each distinct. */
    static List<BsonValue> ids() {
        List<BsonValue> ids = new ArrayList<>();
        ids.add(new BsonDecimal128(Decimal128.NaN));
        ids.add(new BsonDecimal128(Decimal128.NEGATIVE_ZERO));
        ids.add(new BsonDecimal128(Decimal128.parse("9.999999999999999999999999999999999E+6144")));
        ids.add(new BsonDecimal128(Decimal128.parse("-1E-6176")));
        ids.add(new BsonDecimal128(Decimal128.NEGATIVE_INFINITY));
        for (byte subtype : new byte[] {0, 2, 3, 4, 5, 6, 7, (byte) 0x80, (byte) 0xff}) {
            ids.add(new BsonBinary(subtype, new byte[] {1, 2, 3, (byte) subtype, 0, (byte) 0xfe, 9, 9, 9, 9, 9, 9, 9,
                9, 9, 9}));
        }
        ids.add(new BsonBinary(UUID.fromString("00000000-0000-0000-0000-000000000000"), UuidRepresentation.STANDARD));
        ids.add(new BsonBinary(BsonBinarySubType.BINARY, new byte[0]));
        ids.add(new BsonRegularExpression("^a\"b\\d+/$", "imsux"));
        ids.add(new BsonTimestamp(1_700_000_000, 1));
        ids.add(new BsonTimestamp(-1, -1));
        ids.add(new BsonMinKey());
        ids.add(new BsonMaxKey());
        ids.add(new BsonJavaScript("function(x) { return \"</script>\"; }"));
        ids.add(new BsonJavaScriptWithScope("function() { return x; }", new BsonDocument("x", new BsonInt32(1))));
        ids.add(new BsonDbPointer("shop.orders", new ObjectId("5f0c8a7b9d3e2a1b4c5d6e7f")));
        ids.add(new BsonSymbol("sym"));
        ids.add(new BsonUndefined());
        ids.add(BsonNull.VALUE);
        ids.add(BsonBoolean.TRUE);
        ids.add(new BsonString(""));
        ids.add(new BsonString("x".repeat(2_000)));
        ids.add(new BsonString("ctl\u0000\u0001\u001f\u007f\"\\</script>😀\uD800"));
        ids.add(new BsonDateTime(Long.MIN_VALUE));
        ids.add(new BsonDateTime(Long.MAX_VALUE));
        ids.add(new BsonDateTime(253_402_300_800_000L));
        ids.add(new BsonDouble(-0.0));
        ids.add(new BsonDouble(Double.NaN));
        ids.add(new BsonDouble(Double.MIN_VALUE));
        ids.add(new BsonDouble(1e308));
        ids.add(new BsonDouble(1e16));
        ids.add(new BsonInt64(Long.MIN_VALUE));
        ids.add(new BsonInt32(Integer.MAX_VALUE));
        ids.add(new BsonDocument());
        ids.add(new BsonDocument("a", new BsonDocument("b", new BsonDocument("c", new BsonArray(List.of(
                new BsonInt32(1), new BsonInt32(2)))))).append("z.dotted", new BsonString("v")));
        ids.add(new BsonDocument("d", new BsonDateTime(-1)).append("t", new BsonTimestamp(5, 6))
                .append("n", BsonNull.VALUE).append("r", new BsonRegularExpression("x", "i")));
        ids.add(new BsonArray(List.of(new BsonInt32(1), new BsonInt32(2))));
        ids.add(new BsonArray());
        return ids;
    }

    /** Documents, each about one edge, by name. */
    static Map<String, BsonDocument> documents() {
        Map<String, BsonDocument> documents = new LinkedHashMap<>();
        documents.put("field names", new BsonDocument("_id", new BsonInt32(1))
                .append("a.b.c", new BsonInt32(1))
                .append("$dollar", new BsonInt32(2))
                .append("$", new BsonInt32(3))
                .append("x$y", new BsonInt32(4))
                .append("ünïcødé", new BsonInt32(5))
                .append("日本語", new BsonInt32(6))
                .append("😀𝄞", new BsonInt32(7))
                .append(" ", new BsonInt32(8))
                .append("q\"b\\s/c", new BsonInt32(9))
                .append("ctl\u0001\n\t\u001f\u007f", new BsonInt32(10))
                .append("</script>", new BsonInt32(11))
                .append("ls\u2028ps\u2029", new BsonInt32(12))
                .append("lone\uD800", new BsonInt32(13))
                .append("n".repeat(300), new BsonInt32(14))
                .append("N".repeat(20_000), new BsonInt32(15))
                .append("nested.dots", new BsonDocument("x.y", new BsonDocument("$z", new BsonInt32(1)))));
        documents.put("empty field name", new BsonDocument("_id", new BsonInt32(2)).append("", new BsonInt32(1)));
        documents.put("nested empty field name", new BsonDocument("_id", new BsonInt32(3))
                .append("n", new BsonDocument("", new BsonString("x"))));
        documents.put("deep 60", nested(60, new BsonInt32(1)).append("_id", new BsonInt32(4)));
        documents.put("deep 150", nested(150, new BsonString("leaf")).append("_id", new BsonInt32(5)));
        documents.put("deep arrays 60", new BsonDocument("_id", new BsonInt32(6)).append("a", nestedArray(60)));
        documents.put("decimals", new BsonDocument("_id", new BsonInt32(7))
                .append("nan", new BsonDecimal128(Decimal128.NaN))
                .append("negativeNaN", new BsonDecimal128(Decimal128.NEGATIVE_NaN))
                .append("inf", new BsonDecimal128(Decimal128.POSITIVE_INFINITY))
                .append("negInf", new BsonDecimal128(Decimal128.NEGATIVE_INFINITY))
                .append("negZero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
                .append("zero", new BsonDecimal128(Decimal128.POSITIVE_ZERO))
                .append("max", new BsonDecimal128(Decimal128.parse("9.999999999999999999999999999999999E+6144")))
                .append("min", new BsonDecimal128(Decimal128.parse("-9.999999999999999999999999999999999E+6144")))
                .append("tiny", new BsonDecimal128(Decimal128.parse("1E-6176")))
                .append("zeroExp", new BsonDecimal128(Decimal128.parse("0E-6176")))
                .append("zeroHugeExp", new BsonDecimal128(Decimal128.parse("0E+6111")))
                .append("digits", new BsonDecimal128(Decimal128.parse("1.000000000000000000000000000000000")))
                .append("negZeroScaled", new BsonDecimal128(Decimal128.parse("-0.00")))
                .append("e7", new BsonDecimal128(Decimal128.parse("1E+7"))));
        documents.put("dates", new BsonDocument("_id", new BsonInt32(8))
                .append("min", new BsonDateTime(Long.MIN_VALUE))
                .append("max", new BsonDateTime(Long.MAX_VALUE))
                .append("minusOne", new BsonDateTime(-1))
                .append("year1", new BsonDateTime(-62_135_596_800_000L))
                .append("beforeYear1", new BsonDateTime(-62_135_596_800_001L))
                .append("year9999", new BsonDateTime(253_402_300_799_999L))
                .append("year10000", new BsonDateTime(253_402_300_800_000L))
                .append("y2038", new BsonDateTime(2_147_483_648_000L)));
        documents.put("timestamps", new BsonDocument("_id", new BsonInt32(9))
                .append("zero", new BsonTimestamp(0, 0))
                .append("maxInt", new BsonTimestamp(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .append("unsignedMax", new BsonTimestamp(-1, -1))
                .append("past2038", new BsonTimestamp(Integer.MIN_VALUE, 1)));
        documents.put("doubles", new BsonDocument("_id", new BsonInt32(10))
                .append("negZero", new BsonDouble(-0.0))
                .append("minSubnormal", new BsonDouble(Double.MIN_VALUE))
                .append("subnormal", new BsonDouble(2.2250738585072E-309))
                .append("minNormal", new BsonDouble(Double.MIN_NORMAL))
                .append("e308", new BsonDouble(1e308))
                .append("max", new BsonDouble(Double.MAX_VALUE))
                .append("negMax", new BsonDouble(-Double.MAX_VALUE))
                .append("e15", new BsonDouble(1e15))
                .append("e16", new BsonDouble(1e16))
                .append("beyond53", new BsonDouble(9_007_199_254_740_993.0))
                .append("hundred", new BsonDouble(100.0))
                .append("e7", new BsonDouble(1e7))
                .append("e6", new BsonDouble(1e6))
                .append("milli", new BsonDouble(1e-3))
                .append("e-4", new BsonDouble(1e-4))
                .append("pointThree", new BsonDouble(0.1 + 0.2))
                .append("e21", new BsonDouble(-1e21))
                .append("e22", new BsonDouble(1e22))
                .append("twoE23", new BsonDouble(2e23))
                .append("longMax", new BsonDouble((double) Long.MAX_VALUE)));
        documents.put("integers", new BsonDocument("_id", new BsonInt32(11))
                .append("int32min", new BsonInt32(Integer.MIN_VALUE))
                .append("int32max", new BsonInt32(Integer.MAX_VALUE))
                .append("int64min", new BsonInt64(Long.MIN_VALUE))
                .append("int64max", new BsonInt64(Long.MAX_VALUE))
                .append("int64zero", new BsonInt64(0))
                .append("int64negative", new BsonInt64(-1)));
        documents.put("strings", new BsonDocument("_id", new BsonInt32(12))
                .append("allControls", new BsonString(controls()))
                .append("c1Controls", new BsonString("\u0080\u0085\u009f\u00a0\u00ad"))
                .append("quotes", new BsonString("\"'`\\\"\\\\"))
                .append("script", new BsonString("</script><!-- --> <script>alert(1)</script> & &amp;"))
                .append("nonBmp", new BsonString("😀𝄞\uD83D\uDE00 \uDBFF\uDFFF"))
                .append("loneHigh", new BsonString("a\uD800b"))
                .append("loneLow", new BsonString("a\uDC00b"))
                .append("reversedPair", new BsonString("\uDC00\uD800"))
                .append("endsHigh", new BsonString("x\uD83D"))
                .append("specials", new BsonString("\uFEFF\uFFFE\uFFFF\u2028\u2029\u200B\u202E"))
                .append("long", new BsonString("ab😀\u0001".repeat(25_000))));
        documents.put("binaries", binaries());
        documents.put("regexes", new BsonDocument("_id", new BsonInt32(14))
                .append("empty", new BsonRegularExpression(""))
                .append("allOptions", new BsonRegularExpression("a", "imsux"))
                .append("unsortedOptions", new BsonRegularExpression("a", "xi"))
                .append("escapes", new BsonRegularExpression("\\/\"\n\u0001😀", "")));
        documents.put("javascript", new BsonDocument("_id", new BsonInt32(15))
                .append("js", new BsonJavaScript("function() {\n\treturn \"</script>\\n\";\n}"))
                .append("empty", new BsonJavaScript("")));
        documents.put("empty", new BsonDocument("_id", new BsonInt32(16)));
        documents.put("empty nested", new BsonDocument("_id", new BsonInt32(17))
                .append("doc", new BsonDocument())
                .append("arr", new BsonArray())
                .append("docInDoc", new BsonDocument("e", new BsonDocument())));
        documents.put("large", large());
        documents.put("undefined", new BsonDocument("_id", new BsonInt32(19)).append("u", new BsonUndefined())
                .append("kept", new BsonInt32(1)));
        documents.put("symbol", new BsonDocument("_id", new BsonInt32(20)).append("s", new BsonSymbol("sym")));
        documents.put("minKey", new BsonDocument("_id", new BsonInt32(21)).append("k", new BsonMinKey()));
        documents.put("maxKey", new BsonDocument("_id", new BsonInt32(22)).append("k", new BsonMaxKey()));
        documents.put("dbPointer", new BsonDocument("_id", new BsonInt32(23)).append("p",
                new BsonDbPointer("shop.orders", new ObjectId("5f0c8a7b9d3e2a1b4c5d6e7f"))));
        documents.put("javascript with scope", new BsonDocument("_id", new BsonInt32(24)).append("js",
                new BsonJavaScriptWithScope("function() { return x; }", new BsonDocument("x", new BsonInt32(1)))));
        documents.put("undefined nested", new BsonDocument("_id", new BsonInt32(25))
                .append("n", new BsonDocument("u", new BsonUndefined()).append("v", new BsonInt32(1))));
        documents.put("extended JSON lookalikes", BsonDocument.parse("{\"_id\": 27, \"o\": {\"$oid\": "
                + "\"5f0c8a7b9d3e2a1b4c5d6e7f\"}, \"d\": {\"$date\": {\"$numberLong\": \"-5\"}}}")
                .append("dollarFields", new BsonDocument("$ref", new BsonString("c")).append("$id", new BsonInt32(1)))
                .append("notAType", new BsonDocument("$type", new BsonString("x")).append("$foo", new BsonInt32(2))));
        documents.put("id last", new BsonDocument("a", new BsonInt32(1)).append("_id", new BsonInt32(26)));
        int id = 100;
        for (Map.Entry<String, String> array : arrays().entrySet()) {
            documents.put("array " + array.getKey(), new BsonDocument("_id", new BsonInt32(id++))
                    .append("a", BsonDocument.parse("{\"a\": " + array.getValue() + "}").get("a")));
        }
        documents.put("array of timestamps and dates", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonDateTime(-5), new BsonTimestamp(7, 1)))));
        documents.put("array of regexes", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonRegularExpression("a"), new BsonRegularExpression("b", "i")))));
        documents.put("array of documents with regexes", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonDocument("r", new BsonRegularExpression("a"))))));
        documents.put("array of symbols", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonSymbol("a")))));
        documents.put("array of undefined", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonUndefined()))));
        documents.put("array of binaries", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonBinary(new byte[] {1}), new BsonBinary((byte) 4, new byte[16])))));
        documents.put("array of documents with undefined", new BsonDocument("_id", new BsonInt32(id++)).append("a",
                new BsonArray(List.of(new BsonDocument("u", new BsonUndefined()).append("v", new BsonInt32(1))))));
        documents.put("array of documents with javascript with scope", new BsonDocument("_id", new BsonInt32(id++))
                .append("a", new BsonArray(List.of(new BsonDocument("j", new BsonJavaScriptWithScope("x",
                        new BsonDocument()))))));
        return documents;
    }

    /** Arrays whose unwrapped schema is hard to infer, as extended JSON, by name. */
    private static Map<String, String> arrays() {
        Map<String, String> arrays = new LinkedHashMap<>();
        arrays.put("of one empty array", "[[]]");
        arrays.put("of empty arrays", "[[], []]");
        arrays.put("empty then full", "[[], [1]]");
        arrays.put("full then empty", "[[1], []]");
        arrays.put("of arrays of arrays", "[[[1]]]");
        arrays.put("of arrays of documents", "[[{\"a\": 1}]]");
        arrays.put("of arrays of two types", "[[1], [\"a\"]]");
        arrays.put("of arrays of nulls", "[[null]]");
        arrays.put("of documents with nested documents that differ", "[{\"s\": {\"w\": 1}}, {\"s\": {\"h\": 2}}]");
        arrays.put("of documents with nested documents that grow",
                "[{\"s\": {\"w\": 1}}, {\"s\": {\"w\": 2, \"h\": 3}}]");
        arrays.put("of documents with a field of two types", "[{\"a\": 1}, {\"a\": \"x\"}]");
        arrays.put("of documents with a document then null", "[{\"a\": {\"x\": 1}}, {\"a\": null}]");
        arrays.put("of documents with null then a string", "[{\"a\": null}, {\"a\": \"x\"}]");
        arrays.put("of a document and a number", "[{\"a\": 1}, 2]");
        arrays.put("of a number and a document", "[2, {\"a\": 1}]");
        arrays.put("of a document and an array", "[{\"a\": 1}, [1]]");
        arrays.put("of empty documents", "[{}]");
        arrays.put("of documents with empty documents", "[{\"a\": {}}]");
        arrays.put("of documents with arrays", "[{\"a\": [1, 2]}, {\"a\": [3]}]");
        arrays.put("of documents with arrays of documents", "[{\"a\": [{\"x\": 1}]}, {\"a\": [{\"y\": \"z\"}]}]");
        arrays.put("of documents with empty arrays", "[{\"a\": []}]");
        arrays.put("of nulls", "[null, null]");
        arrays.put("of null and number", "[null, 1]");
        arrays.put("of booleans", "[true, false]");
        arrays.put("of decimals", "[{\"$numberDecimal\": \"1.5\"}, {\"$numberDecimal\": \"NaN\"}]");
        arrays.put("of object ids", "[{\"$oid\": \"5f0c8a7b9d3e2a1b4c5d6e7f\"}]");
        arrays.put("of int32 and int64", "[1, {\"$numberLong\": \"2\"}]");
        arrays.put("of doubles", "[-0.0, 1e308, {\"$numberDouble\": \"NaN\"}]");
        arrays.put("of strings with empty", "[\"\", \"x\"]");
        arrays.put("of javascript", "[{\"$code\": \"f()\"}]");
        String regex = "{\"$regularExpression\": {\"pattern\": \"a\", \"options\": \"\"}}";
        arrays.put("of arrays of empty documents", "[[{}]]");
        arrays.put("of documents with an empty field name", "[{\"\": 1}]");
        arrays.put("of documents with null then a document", "[{\"a\": null}, {\"a\": {\"x\": 1}}]");
        arrays.put("of documents with an empty document then a number", "[{\"a\": {}}, {\"a\": 1}]");
        arrays.put("of documents with a document then an empty one", "[{\"a\": {\"x\": 1}}, {\"a\": {}}]");
        arrays.put("of documents with an array then an empty one", "[{\"a\": [1]}, {\"a\": []}]");
        arrays.put("of documents with an empty array then a full one", "[{\"a\": []}, {\"a\": [1]}]");
        arrays.put("of a document and null", "[{\"a\": 1}, null]");
        arrays.put("of arrays with a null", "[[1], [null]]");
        arrays.put("of an array and an array of arrays", "[[1], [[2]]]");
        arrays.put("of an array and a string", "[[1], \"x\"]");
        arrays.put("of a document and a regex", "[{\"a\": 1}, " + regex + "]");
        arrays.put("of an array and a regex", "[[1], " + regex + "]");
        arrays.put("of an array and a symbol", "[[1], [{\"$symbol\": \"s\"}]]");
        arrays.put("of documents and arrays of documents",
                "[[{\"a\": 1}], [{\"a\": 2, \"b\": {\"c\": [{\"d\": 1}]}}]]");
        arrays.put("of arrays of documents and numbers", "[[{\"a\": 1}, 3]]");
        return arrays;
    }

    private static BsonDocument nested(int depth, BsonValue leaf) {
        BsonDocument document = new BsonDocument("leaf", leaf);
        for (int i = 0; i < depth; i++) {
            document = new BsonDocument("d" + i, document).append("n" + i, new BsonInt32(i));
        }
        return document;
    }

    private static BsonArray nestedArray(int depth) {
        BsonArray array = new BsonArray(List.of(new BsonInt32(1)));
        for (int i = 0; i < depth; i++) {
            array = new BsonArray(List.of(array));
        }
        return array;
    }

    private static String controls() {
        StringBuilder text = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            text.append(c).append('|');
        }
        return text.append('\u007f').toString();
    }

    private static BsonDocument binaries() {
        BsonDocument document = new BsonDocument("_id", new BsonInt32(13));
        for (int subtype : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x80, 0xff}) {
            document.append("subtype" + subtype, new BsonBinary((byte) subtype, new byte[] {0, (byte) subtype,
                (byte) 0xff, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
            document.append("empty" + subtype, new BsonBinary((byte) subtype, new byte[0]));
        }
        document.append("uuidStandard", new BsonBinary(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UuidRepresentation.STANDARD));
        document.append("big", new BsonBinary(new byte[70_000]));
        return document;
    }

    /** 3,000 fields of several types, one of them a 1 MiB string. */
    private static BsonDocument large() {
        BsonDocument document = new BsonDocument("_id", new BsonObjectId(new ObjectId("000000000000000000000018")));
        for (int i = 0; i < 1_000; i++) {
            document.append("s" + i, new BsonString("value " + i));
            document.append("i" + i, new BsonInt64(i * 1_000_003L));
            document.append("d" + i, new BsonDocument("x", new BsonDouble(i / 7.0)));
        }
        document.append("huge", new BsonString("0123456789abcdef".repeat(65_536)));
        return document;
    }

    /** What an update sets, removes and truncates at the edges: array-index paths, dotted and odd names. */
    static BsonDocument updatedFields() {
        return new BsonDocument("a.0.b", new BsonInt32(1))
                .append("arr.3", new BsonString("x"))
                .append("x.y.z", new BsonDocument("deep.er", new BsonArray(List.of(new BsonDocument("k",
                        new BsonInt64(1))))))
                .append("$odd", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
                .append("😀", new BsonDouble(-0.0))
                .append("tags.10", new BsonDateTime(Long.MIN_VALUE))
                .append("ctl\u0001\"", new BsonString("\uD800"))
                .append("t", new BsonTimestamp(-1, -1));
    }

    static List<String> removedFields() {
        return List.of("gone.with.dots", "list.0", "list.1.x", "😀gone", "$gone", "q\"\\");
    }

    static List<BsonDocument> truncatedArrays() {
        return List.of(ChangeEvent.truncated("a.0.list", 0), ChangeEvent.truncated("arr", 1),
                ChangeEvent.truncated("x.y.😀", Integer.MAX_VALUE));
    }
}
