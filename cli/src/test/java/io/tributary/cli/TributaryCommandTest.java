package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TributaryCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .startsWith("Usage: tributary [-hV]")
                .contains("Debezium-compatible events")
                .contains("-V, --version");
    }

    @Test
    void versionNamesTheJavaRuntime() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("tributary ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(run()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("Usage: tributary");
    }

    @Test
    void unknownOptionIsNamed() {
        assertThat(run("--frobnicate")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void validateListsEveryProblemOfAPipelineFileAndFails(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("shop.properties");
        java.nio.file.Files.writeString(file, String.join("\n", "database.hostname=db",
                "database.password=Very-Secret-1", "snapshot.mode=sometimes", "topic.prefix=shop", "sinks=out",
                "sink.out.type=kafak", "this line is wrong"));

        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("shop.properties:7: expected key=value, found 'this line is wrong'")
                .doesNotContain("Very-Secret-1")
                .doesNotContain("\tat ");

        java.nio.file.Files.writeString(file, String.join("\n", "database.hostname=db",
                "database.password=Very-Secret-1", "snapshot.mode=sometimes", "topic.prefix=shop", "sinks=out",
                "sink.out.type=kafak"));
        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("snapshot.mode")
                .contains("sink.out.type: unknown sink type 'kafak': expected one of dynamodb, file, hudi, kafka, mongodb")
                .doesNotContain("Very-Secret-1");
    }

    @Test
    void validateAcceptsAGoodPipelineFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("shop.properties");
        java.nio.file.Files.writeString(file, String.join("\n", "name=shop", "database.hostname=db",
                "database.user=cdc", "topic.prefix=shop", "sinks=out", "sink.out.type=file",
                "sink.out.directory=/tmp/out"));

        assertThat(run("validate", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Pipeline shop is valid").contains("out (file)");
    }

    @Test
    void validateResolvesConfigProvidersAndNamesAReferenceThatDoesNotResolve(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path credentials = java.nio.file.Files.writeString(dir.resolve("db.properties"),
                "user=cdc-from-file\npassword=Very-Secret-2\n");
        java.nio.file.Path file = dir.resolve("shop.properties");
        String pipeline = String.join("\n", "name=shop", "database.hostname=db", "topic.prefix=shop", "sinks=out",
                "sink.out.type=file", "sink.out.directory=/tmp/out", "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "database.user=${file:" + credentials + ":user}");
        java.nio.file.Files.writeString(file, pipeline + "\ndatabase.password=${file:" + credentials
                + ":password}\n");
        assertThat(run("validate", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Pipeline shop is valid").doesNotContain("Very-Secret-2");

        java.nio.file.Files.writeString(file, pipeline + "\ndatabase.password=${file:" + credentials
                + ":pasword}\ndatabase.port=${secretManager:db-secret:port}\n");
        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("database.password: ${file:" + credentials + ":pasword} did not resolve")
                .contains("database.port: refers to config provider 'secretManager', which is not declared")
                .doesNotContain("Very-Secret-2").doesNotContain("cdc-from-file");
    }

    @Test
    void validateShowsTheReferenceOfAWrongProvidedValueNeverTheValue(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path credentials = java.nio.file.Files.writeString(dir.resolve("db.properties"),
                "port=port-Very-Secret-4\n");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("shop.properties"), String.join("\n",
                "name=shop", "database.hostname=db", "topic.prefix=shop", "sinks=out", "sink.out.type=file",
                "sink.out.directory=/tmp/out", "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "database.user=cdc", "database.port=${file:" + credentials + ":port}"));

        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("database.port").contains("${file:" + credentials + ":port}")
                .doesNotContain("Very-Secret-4");
    }

    @Test
    void runReportsAMissingFileWithoutAStackTrace() {
        assertThat(run("run", "/nonexistent/pipeline.properties")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read the pipeline file: there is no such file").doesNotContain("\tat ");
    }

    @Test
    void statusSaysWhenNothingAnswers() {
        assertThat(run("status", "--url", "http://127.0.0.1:" + io.tributary.testkit.FreePorts.next())).isEqualTo(1);
        assertThat(err.toString()).contains("no Tributary REST API answers at http://127.0.0.1:");
    }
}
