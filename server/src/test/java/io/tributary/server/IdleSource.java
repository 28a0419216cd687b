package io.tributary.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSource;

/**
 * A hand-written fake source that is always caught up: polls wait briefly and return nothing. For tests of what
 * surrounds the engine (the REST API), where a database would add nothing; the source itself is tested against real
 * MariaDB and MySQL servers.
 */
final class IdleSource implements ChangeSource {
    private final Consumer<Optional<Map<String, ?>>> started;
    private final BooleanSupplier fails;

    /** @param started told the offset each start is given */
    IdleSource(Consumer<Optional<Map<String, ?>>> started) {
        this(started, () -> false);
    }

    /**
     * @param started told the offset each start is given
     * @param fails whether a poll is to fail, as a source does on an error it cannot retry
     */
    IdleSource(Consumer<Optional<Map<String, ?>>> started, BooleanSupplier fails) {
        this.started = started;
        this.fails = fails;
    }

    @Override
    public void start(Map<String, String> config, Optional<Map<String, ?>> storedOffset) {
        started.accept(storedOffset);
    }

    @Override
    public List<ChangeRecord> poll() throws InterruptedException {
        if (fails.getAsBoolean()) {
            throw new IllegalStateException("the test made the source fail");
        }
        TimeUnit.MILLISECONDS.sleep(10);
        return List.of();
    }

    @Override
    public void close() {
    }
}
