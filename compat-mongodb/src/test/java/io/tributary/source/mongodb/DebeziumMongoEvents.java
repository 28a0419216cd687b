package io.tributary.source.mongodb;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.debezium.config.Configuration;
import io.debezium.connector.SnapshotRecord;
import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.common.DebeziumHeaderProducer;
import io.debezium.connector.mongodb.CollectionId;
import io.debezium.connector.mongodb.MongoDbConnectorConfig;
import io.debezium.connector.mongodb.MongoDbEventMetadataProvider;
import io.debezium.connector.mongodb.MongoDbOffsetContext;
import io.debezium.connector.mongodb.MongoDbPartition;
import io.debezium.connector.mongodb.MongoDbSchema;
import io.debezium.connector.mongodb.MongoDbTaskContext;
import io.debezium.connector.mongodb.recordemitter.MongoDbChangeRecordEmitter;
import io.debezium.connector.mongodb.recordemitter.MongoDbSnapshotRecordEmitter;
import io.debezium.pipeline.DataChangeEvent;
import io.debezium.pipeline.EventDispatcher;
import io.debezium.util.Clock;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Debezium 3.6's MongoDB connector without its server connection: the records its own classes make of change-stream
 * events and snapshot documents — {@link MongoDbSchema} (key and envelope schemas, the JSON of documents),
 * {@link MongoDbChangeRecordEmitter} and {@link MongoDbSnapshotRecordEmitter} (op, ts_ms), the source block of
 * {@link MongoDbOffsetContext}'s {@code SourceInfo}, and the {@link EventDispatcher} that turns them into Kafka Connect
 * records (tombstones after deletes; the {@code last} marker of a snapshot's last record), wired as
 * {@code MongoDbConnectorTask} wires them.
 */
final class DebeziumMongoEvents {
    private final MongoDbConnectorConfig config;
    private final MongoDbPartition partition;
    private final ChangeEventQueue<DataChangeEvent> queue;
    private final EventDispatcher<MongoDbPartition, CollectionId> dispatcher;

    DebeziumMongoEvents(String topicPrefix) {
        this(topicPrefix, true);
    }

    /** With or without a tombstone after each delete ({@code tombstones.on.delete}). */
    DebeziumMongoEvents(String topicPrefix, boolean tombstones) {
        this(topicPrefix, tombstones, Map.of());
    }

    /** With these further settings of the connector ({@code field.exclude.list}, ...). */
    DebeziumMongoEvents(String topicPrefix, Map<String, String> settings) {
        this(topicPrefix, true, settings);
    }

    private DebeziumMongoEvents(String topicPrefix, boolean tombstones, Map<String, String> settings) {
        Configuration configuration = Configuration.create()
                .with("topic.prefix", topicPrefix)
                .with("tombstones.on.delete", tombstones)
                .with("mongodb.connection.string", "mongodb://localhost:27017/?replicaSet=rs0")
                .with(Configuration.from(settings))
                .build();
        config = new MongoDbConnectorConfig(configuration);
        MongoDbTaskContext taskContext = new MongoDbTaskContext(configuration);
        var topics = config.getTopicNamingStrategy(MongoDbConnectorConfig.TOPIC_NAMING_STRATEGY);
        MongoDbSchema schema = new MongoDbSchema(config, taskContext, topics,
                config.getSourceInfoStructMaker().schema(), config.schemaNameAdjuster());
        partition = new MongoDbPartition(topicPrefix);
        queue = new ChangeEventQueue.Builder<DataChangeEvent>().pollInterval(Duration.ofMillis(1))
                .maxBatchSize(1000).maxQueueSize(10_000)
                .loggingContextSupplier(() -> taskContext.configureLoggingContext("differential")).build();
        dispatcher = new EventDispatcher<>(config, topics, schema, queue, collection -> true, DataChangeEvent::new,
                new MongoDbEventMetadataProvider(), config.schemaNameAdjuster(), new DebeziumHeaderProducer(taskContext));
    }

    /** The records of one streamed event: as the streaming source dispatches it, offset first moved to the event. */
    List<SourceRecord> change(ChangeStreamDocument<BsonDocument> event) throws InterruptedException {
        MongoDbOffsetContext offset = MongoDbOffsetContext.empty(config);
        offset.changeStreamEvent(event);
        CollectionId collection = new CollectionId(event.getNamespace().getDatabaseName(),
                event.getNamespace().getCollectionName());
        dispatcher.dispatchDataChangeEvent(partition, collection,
                new MongoDbChangeRecordEmitter(partition, offset, Clock.system(), event, config));
        return drain();
    }

    /**
     * The records of a snapshot of these collections' documents, as {@code MongoDbSnapshotChangeEventSource} makes
     * them: the offset started from a change stream that had no event yet, only a resume token (so {@code ord} is
     * -1 and the source time the clock's), snapshot running, the last document marked {@code LAST}, the snapshot
     * receiver completed at the end.
     */
    List<SourceRecord> snapshot(List<MongoSource.Namespace> namespaces, List<List<BsonDocument>> documents)
            throws InterruptedException {
        MongoDbOffsetContext offset = MongoDbOffsetContext.empty(config);
        offset.initEvent(cursorWithoutEvents());
        offset.sourceInfo().startInitialSnapshot();
        EventDispatcher.SnapshotReceiver<MongoDbPartition> receiver = dispatcher.getSnapshotChangeEventReceiver();
        for (int c = 0; c < namespaces.size(); c++) {
            CollectionId collection = new CollectionId(namespaces.get(c).database(), namespaces.get(c).collection());
            List<BsonDocument> inCollection = documents.get(c);
            for (int d = 0; d < inCollection.size(); d++) {
                if (c == namespaces.size() - 1 && d == inCollection.size() - 1) {
                    offset.markSnapshotRecord(SnapshotRecord.LAST);
                }
                offset.readEvent(collection, Clock.system().currentTime());
                dispatcher.dispatchSnapshotEvent(partition, collection, new MongoDbSnapshotRecordEmitter(partition,
                        offset, Clock.system(), inCollection.get(d), config), receiver);
            }
        }
        receiver.completeSnapshot();
        offset.sourceInfo().stopInitialSnapshot();
        return drain();
    }

    private List<SourceRecord> drain() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        while (queue.totalCapacity() != queue.remainingCapacity()) {
            queue.poll().forEach(event -> records.add(event.getRecord()));
        }
        return records;
    }

    /** A change stream's cursor before its first event: no document, a post-batch resume token. */
    @SuppressWarnings("unchecked")
    private static MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursorWithoutEvents() {
        BsonDocument token = new BsonDocument("_data", new BsonString("8265540F7F000000012B0429296E1404"));
        return (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>>) Proxy.newProxyInstance(
                DebeziumMongoEvents.class.getClassLoader(), new Class<?>[] {MongoChangeStreamCursor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "tryNext" -> null;
                    case "getResumeToken" -> token;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
