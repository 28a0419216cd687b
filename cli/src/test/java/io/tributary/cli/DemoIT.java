package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
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

    private static long count(String output, String topic) {
        Matcher matcher = Pattern.compile(Pattern.quote(topic) + "\\s+([0-9,]+)").matcher(output);
        assertThat(matcher.find()).as("a count for %s in:%n%s", topic, output).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
