package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every pipeline file shipped in examples/ is valid. */
class ExamplesTest {
    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            return files.filter(file -> file.toString().endsWith(".properties")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validates(Path example) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("validate", example.toString())).as(err.toString()).isZero();
    }
}
