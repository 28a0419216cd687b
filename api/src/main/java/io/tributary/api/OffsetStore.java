package io.tributary.api;

import java.util.Map;
import java.util.Optional;

/** Where a pipeline keeps its source's offset between runs. */
public interface OffsetStore extends AutoCloseable {
    /** The offset stored last, or empty before the first save. */
    Optional<Map<String, ?>> load();

    /** Stores the offset; durable (survives {@code kill -9} and power loss) once this returns. */
    void save(Map<String, ?> partition, Map<String, ?> offset);

    @Override
    void close();
}
