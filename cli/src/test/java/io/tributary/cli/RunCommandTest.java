package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tributary.testkit.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tributary run} does when its pipeline fails: exit at once for a supervisor, or stay and serve the
 * failure through REST for an operator. The database is a port nobody listens on, so the pipeline fails at start.
 */
class RunCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // the failure bound: before --on-failure, run waited out the interval
    void exitsAtOnceWhenThePipelineFailsWhateverTheProgressInterval(@TempDir Path directory) throws IOException {
        Path file = pipelineFile(directory, -1);

        int status = run("run", file.toString(), "--progress-interval", "0");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("cannot connect").doesNotContain("Very-Secret-1");
    }

    @Test
    void staysToServeTheFailureAndARestartWhenAskedTo(@TempDir Path directory) throws Exception {
        int port = FreePorts.next();
        Path file = pipelineFile(directory, port);
        CompletableFuture<Integer> running = new CompletableFuture<>();
        Thread command = new Thread(() -> running.complete(run("run", file.toString(), "--on-failure", "stay",
                "--progress-interval", "0")), "run-command");
        command.start();
        HttpClient http = HttpClient.newHttpClient();
        String status = "http://127.0.0.1:" + port + "/connectors/shop/status";

        Awaitility.await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> get(http, status).contains("\"state\":\"FAILED\""));
        assertThat(get(http, status)).contains("\"trace\":").contains("cannot connect");
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> err.toString().contains("--on-failure stay"));
        HttpResponse<String> restart = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/connectors/shop/restart")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(restart.statusCode()).isBetween(200, 299);
        assertThat(running).isNotDone();

        command.interrupt();
        assertThat(running.get(1, TimeUnit.MINUTES)).isZero();
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int run(String... args) {
        var commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static Path pipelineFile(Path directory, int restPort) throws IOException {
        return Files.writeString(directory.resolve("shop.properties"), String.join("\n",
                "name=shop",
                "database.hostname=127.0.0.1",
                "database.port=" + FreePorts.next(),
                "database.user=cdc",
                "database.password=Very-Secret-1",
                "topic.prefix=shop",
                "sinks=files",
                "sink.files.type=file",
                "sink.files.directory=" + directory.resolve("events"),
                "offset.storage.dir=" + directory.resolve("offsets"),
                "rest.port=" + restPort));
    }
}
