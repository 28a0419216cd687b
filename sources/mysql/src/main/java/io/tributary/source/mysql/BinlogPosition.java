package io.tributary.source.mysql;

import static java.util.Objects.requireNonNull;

/** A position in the server's binary log. */
public record BinlogPosition(String file, long pos) {
    public BinlogPosition {
        requireNonNull(file, "file is null");
    }
}
