package io.tributary.sink.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.DeadLetterRoute;
import io.tributary.api.SinkException;
import io.tributary.core.errors.DeadLetterFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes rows into DynamoDB tables: puts for creates, reads and updates, deletes for deletes and tombstones. A
 * flush sends what was written since the last one with BatchWriteItem, 25 requests a call, keeping only the last
 * write of each key (so per-key order holds); unprocessed items and every failure the AWS SDK counts as retryable
 * (throttling, 5xx, DynamoDB out of reach) are retried with exponential backoff and jitter, up to {@code max.retries}
 * in a row, after which the sink fails naming the table, the endpoint and the last failure. Once {@value #SEND_AT}
 * writes are pending they are sent without waiting for the flush, so memory and the time a flush (and so an offset
 * commit) takes stay bounded however fast a snapshot reads. Writes are idempotent, so a replay after a crash
 * converges to the same table.
 */
public final class DynamoDbSink implements ChangeSink {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSink.class);
    static final int SEND_AT = 1_000;

    private DynamoDbSinkConfig config;
    private DynamoDbClient client;
    private ItemMapper mapper;
    private final List<Write> pending = new ArrayList<>();
    private final Set<String> readyTables = new HashSet<>();
    private DeadLetterRoute givenRoute;
    private DeadLetterRoute deadLetters;

    @Override
    public void routeRejectedTo(DeadLetterRoute route) {
        givenRoute = route;
    }

    @Override
    public void start(String pipeline, Map<String, String> raw) {
        config = DynamoDbSinkConfig.parse(raw, givenRoute != null);
        deadLetters = givenRoute != null ? givenRoute
                : config.deadLetterFile().<DeadLetterRoute>map(DeadLetterFile::new).orElse(null);
        mapper = new ItemMapper(config);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create())
                // one retry loop, the sink's (max.retries, retry.backoff.ms), rather than the SDK's hidden inside it
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));
        config.endpoint().ifPresent(builder::endpointOverride);
        if (config.accessKeyId().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().get(), config.secretAccessKey().orElse(""))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        client = builder.build();
    }

    @Override
    public void write(List<ChangeRecord> records) throws InterruptedException {
        for (ChangeRecord record : records) {
            mapper.map(record).ifPresent(write -> {
                long size = write.isDelete() ? 0 : ItemSizes.of(write.item());
                if (size > ItemSizes.MAX_ITEM_BYTES) {
                    deadLetter(record, write, size);
                } else {
                    pending.add(write);
                }
            });
        }
        if (pending.size() >= SEND_AT) {
            flush();
        }
    }

    /** An item DynamoDB cannot store: the pipeline stops, or with errors.tolerance=all it is set aside. */
    private void deadLetter(ChangeRecord record, Write write, long size) {
        String reason = "the item for key " + write.key() + " of table " + write.table() + " is " + size
                + " bytes, over DynamoDB's limit of 400 KB";
        if (!config.tolerateErrors()) {
            throw new SinkException(reason + ": shorten the column, leave it out (column.exclude.list), or set "
                    + "errors.tolerance=all (with errors.deadletterqueue.file when standalone) to set such records "
                    + "aside");
        }
        LOG.warn("{}: set aside (errors.tolerance=all)", reason);
        deadLetters.reject(record, new SinkException(reason));
    }

    @Override
    public void flush() throws InterruptedException {
        List<Write> segment = new ArrayList<>();
        for (Write write : pending) {
            if (write.partial()) {
                // everything before it first, so that per-key order holds
                flush(segment);
                segment.clear();
                deleteByHashKey(write);
            } else {
                segment.add(write);
            }
        }
        flush(segment);
        pending.clear();
    }

    /** Deletes every item of a hash key: the row a tombstone names when the table also has a sort key. */
    private void deleteByHashKey(Write write) throws InterruptedException {
        Map.Entry<String, AttributeValue> hash = write.key().entrySet().iterator().next();
        if (!tableExists(write.table())) {
            return;
        }
        List<Map<String, AttributeValue>> items = Retries.call(config, "query of table " + write.table(),
                () -> client.queryPaginator(builder -> builder.tableName(write.table())
                        .keyConditionExpression("#h = :h")
                        .expressionAttributeNames(Map.of("#h", hash.getKey()))
                        .expressionAttributeValues(Map.of(":h", hash.getValue()))).items().stream().toList());
        List<Write> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put(hash.getKey(), hash.getValue());
            config.sortKey().ifPresent(sort -> key.put(sort.field(), item.get(sort.field())));
            deletes.add(new Write(write.table(), key, null));
        }
        flush(deletes);
    }

    private boolean tableExists(String table) throws InterruptedException {
        if (readyTables.contains(table)) {
            return true;
        }
        try {
            Retries.call(config, "check of table " + table, () -> client.describeTable(builder -> builder
                    .tableName(table)));
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    private void flush(List<Write> writes) throws InterruptedException {
        if (writes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<List<Write>>> table : WriteBatches.of(writes).entrySet()) {
            ensureTable(table.getKey(), table.getValue().get(0).get(0));
            for (List<Write> batch : table.getValue()) {
                send(table.getKey(), batch);
            }
        }
    }

    private void send(String table, List<Write> writes) throws InterruptedException {
        List<WriteRequest> requests = new ArrayList<>(writes.size());
        for (Write write : writes) {
            requests.add(write.isDelete()
                    ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(write.key()).build()).build()
                    : WriteRequest.builder().putRequest(PutRequest.builder().item(write.item()).build()).build());
        }
        Map<String, List<WriteRequest>> unprocessed = Map.of(table, requests);
        Retries retries = new Retries(config, "writes to table " + table);
        while (true) {
            try {
                Map<String, List<WriteRequest>> request = unprocessed;
                BatchWriteItemResponse response = client.batchWriteItem(builder -> builder.requestItems(request));
                unprocessed = response.unprocessedItems();
                if (unprocessed == null || unprocessed.isEmpty()) {
                    return;
                }
                retries.answered(size(unprocessed) < size(request));
            } catch (SdkException e) {
                if (!retries.failed(e)) {
                    throw new SinkException("DynamoDB refused a write to table " + table + " ("
                            + Retries.describe(e) + "); keys in this batch: "
                            + writes.stream().map(Write::key).toList(), e);
                }
            }
            retries.backOff();
        }
    }

    private static int size(Map<String, List<WriteRequest>> requests) {
        return requests.values().stream().mapToInt(List::size).sum();
    }

    /** Checks (once) that the table exists with the configured key, creating it when allowed. */
    private void ensureTable(String table, Write sample) throws InterruptedException {
        if (readyTables.contains(table)) {
            return;
        }
        try {
            TableDescription description = Retries.call(config, "check of table " + table,
                    () -> client.describeTable(builder -> builder.tableName(table)).table());
            List<String> expected = new ArrayList<>(sample.key().keySet());
            List<String> actual = description.keySchema().stream().map(KeySchemaElement::attributeName).toList();
            if (!actual.equals(expected)) {
                throw new SinkException("DynamoDB table " + table + " has the key " + actual + " but the sink writes "
                        + expected + " (aws.dynamodb.pk.hash/aws.dynamodb.pk.sort): change the configuration or "
                        + "use another table (table.name.format)");
            }
        } catch (ResourceNotFoundException missing) {
            if (!config.createTables()) {
                throw new SinkException("DynamoDB table " + table + " does not exist and table.auto.create=false: "
                        + "create it with the key " + sample.key().keySet(), missing);
            }
            create(table, sample);
        }
        readyTables.add(table);
    }

    private void create(String table, Write sample) throws InterruptedException {
        List<KeySchemaElement> keySchema = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, AttributeValue> attribute : sample.key().entrySet()) {
            keySchema.add(KeySchemaElement.builder().attributeName(attribute.getKey())
                    .keyType(first ? KeyType.HASH : KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(attribute.getKey())
                    .attributeType(scalarType(table, attribute.getKey(), attribute.getValue())).build());
            first = false;
        }
        LOG.info("creating DynamoDB table {} with key {} (on-demand billing)", table, sample.key().keySet());
        try {
            Retries.call(config, "creation of table " + table, () -> client.createTable(builder -> builder
                    .tableName(table).keySchema(keySchema).attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST)));
        } catch (ResourceInUseException createdMeanwhile) {
            LOG.info("DynamoDB table {} was created by another writer meanwhile", table);
        }
        client.waiter().waitUntilTableExists(builder -> builder.tableName(table));
    }

    private static ScalarAttributeType scalarType(String table, String name, AttributeValue value) {
        if (value.s() != null) {
            return ScalarAttributeType.S;
        }
        if (value.n() != null) {
            return ScalarAttributeType.N;
        }
        if (value.b() != null) {
            return ScalarAttributeType.B;
        }
        throw new SinkException("the key attribute " + name + " of table " + table + " is " + value.type()
                + ", but DynamoDB keys are strings, numbers or binary: choose another column");
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
