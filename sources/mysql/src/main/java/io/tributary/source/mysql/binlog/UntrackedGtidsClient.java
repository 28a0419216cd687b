package io.tributary.source.mysql.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;

/**
 * The binlog client without its own account of the GTIDs completed: the client keeps one only to reconnect by itself,
 * which Tributary never lets it do (it reconnects with a new client from its own offsets, whose GTIDs it keeps), yet
 * on MariaDB it keeps it even when no GTID set was given, parsing every transaction's GTID text once more.
 */
public final class UntrackedGtidsClient extends BinaryLogClient {
    public UntrackedGtidsClient(String hostname, int port, String username, String password) {
        super(hostname, port, username, password);
        setKeepAlive(false);
    }

    @Override
    protected void updateGtidSet(Event event) {
        // Tributary's CompletedGtids has them
    }
}
