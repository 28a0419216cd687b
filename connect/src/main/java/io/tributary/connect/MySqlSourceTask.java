package io.tributary.connect;

import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeSource;
import io.tributary.core.retry.Retry;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.source.mysql.MySqlSourceConfig;
import io.tributary.source.mysql.MySqlSourceProvider;

/** Runs the MySQL/MariaDB source inside a Connect worker; its schema history in a topic unless a file is named. */
public final class MySqlSourceTask extends ChangeSourceTask {
    /** Where the schema history is kept, unless tributary.schema.history.file names a file. */
    private Optional<MySqlSourceConfig.HistoryTopic> historyTopic = Optional.empty();

    public MySqlSourceTask() {
        super(new MySqlSourceProvider());
    }

    @Override
    protected Retry prepare(Map<String, String> properties) {
        MySqlSourceConfig config = MySqlSourceConfig.parse(properties);
        historyTopic = config.schemaHistoryFile().isPresent() ? Optional.empty() : config.schemaHistoryTopic();
        return config.retry();
    }

    @Override
    protected ChangeSource newSource() {
        MySqlSource source = new MySqlSource();
        historyTopic.ifPresent(topic -> source.useSchemaHistoryStore(new KafkaSchemaHistoryStore(topic)));
        return source;
    }
}
