package io.tributary.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The fault suite's figures: one line per fault run, appended to {@code target/fault-report.md} (a Markdown table,
 * its header written by the first line) and printed, so that the README can quote the latest run.
 */
final class FaultReport {
    private static final Path FILE = Path.of("target", "fault-report.md");
    private static final String HEADER = """
            | fault | injected | events checked | lost | duplicated | recovery |
            |---|---:|---:|---:|---:|---:|
            """;

    private FaultReport() {
    }

    /**
     * @param recovery from the end of the fault (or the restart) until every change made meanwhile was delivered
     */
    static synchronized void record(String fault, int injected, Tally tally, Duration recovery) {
        append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f s |%n", fault, injected,
                tally.checked(), tally.lost(), tally.duplicated(), recovery.toMillis() / 1000.0));
    }

    /**
     * For a sink that keeps each row's last state (upserts by key), where only the final table can be compared: the
     * rows compared and those missing or different; repeats are not visible there, so none are counted.
     *
     * @param recovery as above
     */
    static synchronized void recordFinalTable(String fault, int injected, long rowsChecked, long rowsWrong,
            Duration recovery) {
        append(String.format(Locale.ROOT, "| %s | %d | %d rows | %d | n/a (upserts) | %.1f s |%n", fault, injected,
                rowsChecked, rowsWrong, recovery.toMillis() / 1000.0));
    }

    private static void append(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, HEADER);
            }
            Files.writeString(FILE, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
        System.out.print("fault report: " + line);
    }
}
