package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a {@link TestingMariaDb} writes its binary log. {@link #cdcReady()} is what a CDC connector needs; the
 * other settings exist so that tests can prove the connector's error for each misconfigured server.
 *
 * @param enabled whether the server writes a binary log at all ({@code --log-bin})
 * @param format {@code binlog_format}
 * @param rowImage {@code binlog_row_image}
 * @param rowMetadata {@code binlog_row_metadata}
 */
public record BinlogSettings(boolean enabled, Format format, RowImage rowImage, RowMetadata rowMetadata) {
    /** Values of {@code binlog_format}. */
    public enum Format { ROW, STATEMENT, MIXED }

    /** Values of {@code binlog_row_image}. */
    public enum RowImage { FULL, MINIMAL, NOBLOB }

    /** Values of {@code binlog_row_metadata}. */
    public enum RowMetadata { FULL, MINIMAL, NO_LOG }

    public BinlogSettings {
        requireNonNull(format, "format is null");
        requireNonNull(rowImage, "rowImage is null");
        requireNonNull(rowMetadata, "rowMetadata is null");
    }

    /** Binlog on, ROW format, full row images and full row metadata. */
    public static BinlogSettings cdcReady() {
        return new BinlogSettings(true, Format.ROW, RowImage.FULL, RowMetadata.FULL);
    }

    /** No binary log. */
    public static BinlogSettings off() {
        return new BinlogSettings(false, Format.ROW, RowImage.FULL, RowMetadata.FULL);
    }

    public BinlogSettings withFormat(Format format) {
        return new BinlogSettings(enabled, format, rowImage, rowMetadata);
    }

    public BinlogSettings withRowImage(RowImage rowImage) {
        return new BinlogSettings(enabled, format, rowImage, rowMetadata);
    }

    public BinlogSettings withRowMetadata(RowMetadata rowMetadata) {
        return new BinlogSettings(enabled, format, rowImage, rowMetadata);
    }

    /** The {@code mariadbd} command-line options for these settings. */
    List<String> serverArguments() {
        if (!enabled) {
            return List.of("--skip-log-bin");
        }
        return List.of(
                "--log-bin=binlog",
                "--binlog-format=" + format,
                "--binlog-row-image=" + rowImage,
                "--binlog-row-metadata=" + rowMetadata);
    }
}
