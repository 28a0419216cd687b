package io.tributary.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigProblem;

/**
 * Makes sources of one kind; found with {@link java.util.ServiceLoader}. A pipeline selects its source by
 * {@code connector.class}, as a Kafka Connect or Debezium configuration does, so that those configurations run
 * unchanged.
 */
public interface ChangeSourceProvider {
    /**
     * The {@code connector.class} values that select this source: Tributary's Connect connector first (the name the
     * runtime lists it by), then the Debezium connectors whose configurations it takes.
     */
    List<String> connectorClasses();

    /** The options a source configuration may have, for listings such as Connect's plugin config. */
    ConfigDefinition definition();

    /**
     * Every problem with a source configuration, without connecting anywhere. {@code neighbourKeys} are valid keys
     * of the runtime in the same file: not this source's, but suggested when a key looks like a misspelling of one.
     */
    List<ConfigProblem> validate(Map<String, String> config, Set<String> neighbourKeys);

    ChangeSource create();

    /** What a valid configuration's capture is known by among others; see {@link SourceIdentity}. */
    SourceIdentity identify(Map<String, String> config);

    /**
     * Why {@code offset} is not one this source can resume from (say what is expected and what was found), or empty
     * when it is.
     */
    Optional<String> offsetProblem(Map<String, ?> offset);

    /**
     * Whether an offset Debezium's connector of the same kind stored (under {@link SourceIdentity#partition}) is one
     * this source resumes from, so that a pipeline may take over from Debezium ({@code tributary import-offsets}).
     */
    default boolean resumesFromDebeziumOffsets() {
        return false;
    }

    /**
     * Whether a source configuration without {@code connector.class} selects this source: the one source that was
     * there before there were others (MySQL / MariaDB), so that such configurations keep working.
     */
    default boolean selectedWithoutConnectorClass() {
        return false;
    }
}
