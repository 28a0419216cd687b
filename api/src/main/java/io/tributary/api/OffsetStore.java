package io.tributary.api;

import java.util.Map;
import java.util.Optional;

/** Where a pipeline keeps its source's offset between runs. */
public interface OffsetStore extends AutoCloseable {
    /** The offset stored last, or empty before the first save. */
    Optional<Map<String, ?>> load();

    /** Stores the offset; durable (survives {@code kill -9} and power loss) once this returns. */
    void save(Map<String, ?> partition, Map<String, ?> offset);

    /**
     * Called while the source has nothing new, after the last offset was saved: a store that gathers saves into
     * fewer, larger writes (a Hudi sink's commits) writes the offset it holds back once that is due, so an idle
     * source does not leave delivered changes waiting for the next one. Nothing by default: saves are immediate.
     */
    default void saveDeferred() {
    }

    /**
     * Stores what a save deferred ({@link #saveDeferred}) and releases what the store holds. The runtime closes a
     * sink's store after the last save of a graceful stop, before it closes the sink.
     */
    @Override
    void close();
}
