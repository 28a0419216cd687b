package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares two captures event by event after {@link EventNormalizer normalisation}. Both normalised streams are
 * written to {@code target/differential/<name>-{debezium,tributary}.jsonl} so a failure can be examined with any
 * diff tool; the assertion names the first event that differs.
 */
final class DifferentialReport {
    private DifferentialReport() {
    }

    static void compare(String name, List<CapturedEvent> debezium, List<CapturedEvent> tributary) {
        List<String> expected = lines(debezium);
        List<String> actual = lines(tributary);
        write(name + "-debezium.jsonl", expected);
        write(name + "-tributary.jsonl", actual);
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertThat(actual.get(i)).as("event %d of %s (see target/differential/)", i, name).isEqualTo(expected.get(i));
        }
        assertThat(actual).as("number of events of %s", name).hasSameSizeAs(expected);
    }

    private static List<String> lines(List<CapturedEvent> events) {
        return events.stream().map(EventNormalizer::normalize)
                .map(event -> event.topic() + "\t" + event.key() + "\t" + event.value())
                .collect(Collectors.toList());
    }

    private static void write(String file, List<String> lines) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "differential"));
            Files.write(directory.resolve(file), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
