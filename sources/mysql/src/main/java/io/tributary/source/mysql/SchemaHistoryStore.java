package io.tributary.source.mysql;

import java.util.List;

/**
 * Where the schema history's lines are kept between runs: a file beside the standalone runtime's offsets, or, on
 * Kafka Connect, a topic (as Debezium keeps its history in {@code schema.history.internal.kafka.topic}). A store
 * holds lines in the order they were appended; what each line means is {@link SchemaHistory}'s business.
 *
 * <p>Implementations report failures as {@link io.tributary.api.SourceException}s that say what to do. Used by one
 * thread at a time.
 */
public interface SchemaHistoryStore extends AutoCloseable {

    /** Where the lines are, for messages: {@code the schema history /var/lib/x/schema-history.jsonl}. */
    String describe();

    /** What a user can do when the lines cannot be read as Tributary's history: a sentence. */
    String remedyForUnreadable();

    /**
     * Every line stored, oldest first; none when nothing was stored yet. A store whose last write can be cut short
     * (a file, by a crash) may return that part of a line last.
     */
    List<String> read();

    /** Appends a line; it is durable when this returns. */
    void append(String line);

    /** Replaces every line by this one, atomically: a crash leaves the old lines or the new one. */
    void replace(String line);

    /** Forgets every line. */
    void clear();

    @Override
    void close();
}
