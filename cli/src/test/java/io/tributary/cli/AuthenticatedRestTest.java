package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.FreePorts;
import io.tributary.testkit.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary run} with HTTP basic authentication on its REST API (Connect's
 * {@code BasicAuthSecurityRestExtension} and a JAAS file, read once per JVM, so this is the only test class of the
 * module that turns it on) and its database credentials from a file config provider. The database is a port nobody
 * listens on: the pipeline fails at start and, with {@code --on-failure stay}, the REST API stays up to answer.
 */
class AuthenticatedRestTest {
    private static final String USER = "operator";
    private static final String USER_PASSWORD = "op-pa55word";
    private static final String DB_USER = "cdc-user-from-a-file";
    private static final String DB_PASSWORD = "Very-Secret-From-A-File";
    /** Everything that could log a request or a configuration, at every level. */
    private static final String[] LOGGERS = {"org.eclipse.jetty", "org.glassfish.jersey", "io.tributary",
        "org.apache.kafka"};

    @TempDir
    static Path directory;
    private static String previousLoginConfig;
    private static LogCapture log;
    private static final StringWriter runOut = new StringWriter();
    private static final StringWriter runErr = new StringWriter();
    private static final CompletableFuture<Integer> running = new CompletableFuture<>();
    private static Thread command;
    private static Path credentials;
    private static String url;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void runAPipelineWithAuthentication() throws Exception {
        Path users = Files.writeString(directory.resolve("users.properties"), USER + ": " + USER_PASSWORD + "\n");
        Path jaas = Files.writeString(directory.resolve("rest-jaas.conf"), "KafkaConnect {\n  "
                + "org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n  file=\""
                + users + "\";\n};\n");
        previousLoginConfig = System.setProperty("java.security.auth.login.config", jaas.toString());
        log = new LogCapture(Level.TRACE, LOGGERS);
        credentials = Files.writeString(directory.resolve("db.properties"), "user=" + DB_USER + "\npassword="
                + DB_PASSWORD + "\n");
        int port = FreePorts.next();
        url = "http://127.0.0.1:" + port;
        Path file = Files.writeString(directory.resolve("shop.properties"), String.join("\n",
                "name=shop",
                "database.hostname=127.0.0.1",
                "database.port=" + FreePorts.next(),
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "database.user=${file:" + credentials + ":user}",
                "database.password=${file:" + credentials + ":password}",
                "topic.prefix=shop",
                "sinks=files",
                "sink.files.type=file",
                "sink.files.directory=" + directory.resolve("events"),
                "offset.storage.dir=" + directory.resolve("offsets"),
                "rest.port=" + port,
                "rest.extension.classes=org.apache.kafka.connect.rest.basic.auth.extension."
                        + "BasicAuthSecurityRestExtension"));
        command = new Thread(() -> running.complete(execute(runOut, runErr, "run", file.toString(), "--on-failure",
                "stay", "--progress-interval", "0")), "run-command");
        command.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> runErr.toString().contains("--on-failure stay"));
    }

    @AfterAll
    static void stop() throws Exception {
        command.interrupt();
        assertThat(running.get(1, TimeUnit.MINUTES)).isZero();
        log.close();
        if (previousLoginConfig == null) {
            System.clearProperty("java.security.auth.login.config");
        } else {
            System.setProperty("java.security.auth.login.config", previousLoginConfig);
        }
    }

    @Test
    void neitherCredentialsNorProvidedSecretsAppearInLogsAtAnyLevel() throws Exception {
        HttpResponse<String> config = get("/connectors/shop/config", basic(USER, USER_PASSWORD));
        HttpResponse<String> status = get("/connectors/shop/status", basic(USER, USER_PASSWORD));
        HttpResponse<String> refused = get("/connectors", basic(USER, "wrong-" + USER_PASSWORD));

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        List<String> lines = log.lines();
        assertThat(lines).as("lines were captured at DEBUG").anyMatch(line -> line.startsWith("DEBUG"));
        List<String> everything = new ArrayList<>(lines);
        everything.addAll(List.of(runOut.toString(), runErr.toString(), status.body(), config.body()));
        assertThat(everything).noneMatch(text -> text.contains(USER_PASSWORD) || text.contains(DB_PASSWORD)
                || text.contains(DB_USER) || text.contains(base64(USER + ":" + USER_PASSWORD)));
    }

    /** As Kafka Connect answers it: a value from a config provider is shown as the reference written. */
    @Test
    void theConfigShowsConfigProviderReferencesNotTheirValues() throws Exception {
        String config = get("/connectors/shop/config", basic(USER, USER_PASSWORD)).body();

        assertThat(config).contains("\"database.password\":\"${file:" + credentials + ":password}\"")
                .contains("\"database.user\":\"${file:" + credentials + ":user}\"");
    }

    @Test
    void statusWithoutCredentialsSaysTheyAreNeededAndHowToPassThem() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertThat(execute(out, err, "status", "--url", url)).isEqualTo(1);
        assertThat(err.toString()).contains("the REST API at " + url + " needs credentials (HTTP 401)",
                "--user <name>", "TRIBUTARY_REST_USER", "TRIBUTARY_REST_PASSWORD", "--password");
    }

    @Test
    void statusWithAUserButNoPasswordSaysWhereThePasswordComesFrom() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertThat(execute(out, err, "status", "--url", url, "--user", USER)).isEqualTo(1);
        assertThat(err.toString()).contains("--user operator needs a password: set TRIBUTARY_REST_PASSWORD or add "
                + "--password");
    }

    /** The real entry point in a JVM of its own, for the environment variables. */
    @Test
    void statusSendsTheCredentialsOfTheEnvironment() throws Exception {
        String output = statusInAChildJvm("TRIBUTARY_REST_USER=" + USER, "TRIBUTARY_REST_PASSWORD=" + USER_PASSWORD);

        assertThat(output).contains("shop: FAILED", "error: ").doesNotContain(USER_PASSWORD, DB_USER, DB_PASSWORD);
    }

    @Test
    void statusWithAWrongPasswordSaysTheCredentialsWereRefused() throws Exception {
        String output = statusInAChildJvm("TRIBUTARY_REST_USER=" + USER, "TRIBUTARY_REST_PASSWORD=wrong-"
                + USER_PASSWORD);

        assertThat(output).contains("refused the credentials of user 'operator' (HTTP 401)")
                .doesNotContain(USER_PASSWORD);
    }

    /** {@code tributary status --url ...} run by {@code env <variables>}: its output; it must exit 0 or 1. */
    private static String statusInAChildJvm(String... environment) throws Exception {
        Path output = Files.createTempFile(directory, "status", ".log");
        List<String> launcher = new ArrayList<>(List.of("env"));
        launcher.addAll(List.of(environment));
        Process status = ChildJvm.start(launcher, TributaryCommand.class, output, List.of("-Xmx128m"), "status",
                "--url", url);
        assertThat(status.waitFor(1, TimeUnit.MINUTES)).as("status finished").isTrue();
        assertThat(status.exitValue()).isBetween(0, 1);
        return Files.readString(output);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int execute(StringWriter out, StringWriter err, String... args) {
        var commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String basic(String user, String password) {
        return "Basic " + base64(user + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
