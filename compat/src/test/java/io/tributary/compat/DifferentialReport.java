package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Compares two {@link EventLog}s line by line: the same events, in the same order. When they differ both files
 * stay in {@code target/differential/} for any diff tool, and the assertion names the first event that differs.
 */
final class DifferentialReport {
    private DifferentialReport() {
    }

    static void compare(EventLog debezium, EventLog tributary) throws IOException {
        debezium.close();
        tributary.close();
        try (BufferedReader expected = Files.newBufferedReader(debezium.file(), StandardCharsets.UTF_8);
                BufferedReader actual = Files.newBufferedReader(tributary.file(), StandardCharsets.UTF_8)) {
            int index = 0;
            while (true) {
                String expectedLine = expected.readLine();
                String actualLine = actual.readLine();
                if (expectedLine == null || actualLine == null) {
                    assertThat(actualLine).as("event %d: one capture has more events than the other (%s vs %s)",
                            index, debezium.file(), tributary.file()).isEqualTo(expectedLine);
                    break;
                }
                assertThat(actualLine).as("event %d (%s vs %s)", index, debezium.file(), tributary.file())
                        .isEqualTo(expectedLine);
                index++;
            }
        }
        // equal: the files are only worth keeping when they differ, or when asked for (KEEP_LOGS=1 in the environment)
        if (System.getenv("KEEP_LOGS") == null) {
            Files.delete(debezium.file());
            Files.delete(tributary.file());
        }
    }
}
