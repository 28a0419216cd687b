package io.tributary.connect;

import io.tributary.source.mysql.MySqlSourceProvider;
import org.apache.kafka.connect.connector.Task;

/**
 * Tributary's MySQL/MariaDB source on Kafka Connect: a drop-in for Debezium's {@code MySqlConnector} and
 * {@code MariaDbConnector} configurations.
 */
public final class MySqlSourceConnector extends ChangeSourceConnector {
    public MySqlSourceConnector() {
        super(new MySqlSourceProvider());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
    }
}
