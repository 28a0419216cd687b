package io.tributary.source.mysql;

import static java.util.Objects.requireNonNull;

/**
 * A position in the server's binary log, with the GTID set of the transactions completed before it where the server
 * has GTIDs (MySQL's executed set; empty otherwise).
 */
public record BinlogPosition(String file, long pos, String gtids) {
    public BinlogPosition {
        requireNonNull(file, "file is null");
        requireNonNull(gtids, "gtids is null");
    }

    public BinlogPosition(String file, long pos) {
        this(file, pos, "");
    }

    static BinlogPosition of(MySqlOffset offset) {
        return new BinlogPosition(offset.file(), offset.pos(), offset.gtids().orElse(""));
    }

    /** The offset streaming starts at from here. */
    MySqlOffset streamingOffset() {
        return MySqlOffset.streamingFrom(file, pos).withGtids(gtids);
    }

    /** The offset of a snapshot that streams from here once done, having reached {@code key} of {@code table}. */
    MySqlOffset snapshotOffset(String table, String key) {
        return MySqlOffset.snapshotAt(file, pos, table, key).withGtids(gtids);
    }
}
