package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tributary.testkit.ChildJvm;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, for a bounded time: events of the brokerage story reach Kafka. */
class DemoIT {
    @Test
    void theDemoSnapshotsAndStreamsTheBrokerageIntoKafka() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("demo", "--seconds", "15");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString())
                .contains("REST API:   http://127.0.0.1:")
                .contains("Sample events (topic brokerage.brokerage.quotes):")
                .contains("op=u before={\"symbol\":")
                .contains("Events in Kafka:");
        assertThat(count(out.toString(), "brokerage.brokerage.trades")).as("snapshot plus streamed trades")
                .isGreaterThan(20_000);
        assertThat(count(out.toString(), "brokerage.brokerage.quotes")).as("price ticks streamed")
                .isGreaterThan(20);
    }

    @Test
    void stoppedByASignalItLeavesNothingBehind(@TempDir Path dir) throws Exception {
        // SIGTERM runs the JVM's shutdown hooks exactly as Ctrl-C's SIGINT does; the class path is the one the
        // launcher gives `demo`: the jar (its manifest names lib/) and demo-lib/
        Path log = dir.resolve("demo.log");
        Process demo = ChildJvm.start(TributaryCommand.class, log, "target/tributary-cli.jar:target/demo-lib/*",
                List.of("-Xmx768m", "-Djava.io.tmpdir=" + dir), "demo", "--rate", "50");
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> Files.readString(log).contains(
                    "Sample events (topic brokerage.brokerage.quotes):"));
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        } finally {
            demo.destroyForcibly();
        }
        assertThat(Files.readString(log)).doesNotContain("could not close");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("what the demo left in its temp dir")
                    .containsOnly("demo.log");
        }
    }

    private static long count(String output, String topic) {
        Matcher matcher = Pattern.compile(Pattern.quote(topic) + "\\s+([0-9,]+)").matcher(output);
        assertThat(matcher.find()).as("a count for %s in:%n%s", topic, output).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
