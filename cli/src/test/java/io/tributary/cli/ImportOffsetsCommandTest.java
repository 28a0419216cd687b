package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.tributary.core.offsets.FileOffsetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tributary import-offsets}. The Debezium offset files here are written as Kafka Connect's file offset store
 * writes them (a serialised {@code HashMap<byte[], byte[]>} of JSON keys and offsets); that Debezium's own engine
 * writes exactly that is shown in compat ({@code OffsetInterchangeIT}).
 */
class ImportOffsetsCommandTest {
    private static final String OFFSET = "{\"transaction_id\":null,\"ts_sec\":1796150000,\"file\":\"binlog.000002\","
            + "\"pos\":4321,\"gtids\":\"0-1-42\",\"row\":1,\"server_id\":1,\"event\":2}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void debeziumsOffsetBecomesThePipelinesAndRunContinuesFromIt() throws IOException {
        Path debezium = debeziumFile(Map.of("[\"other\",{\"server\":\"elsewhere\"}]", "{\"file\":\"x\",\"pos\":1}",
                "[\"orders-engine\",{\"server\":\"shop\"}]", OFFSET));

        assertThat(run("import-offsets", pipelineFile().toString(), debezium.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("engine orders-engine").contains("without a new snapshot");
        try (FileOffsetStore store = FileOffsetStore.open(dir.resolve("offsets"), "shop")) {
            Map<String, Object> offset = new HashMap<>(store.load().orElseThrow());
            assertThat(offset).containsEntry("file", "binlog.000002").containsEntry("pos", 4321)
                    .containsEntry("gtids", "0-1-42").containsEntry("event", 2).containsEntry("row", 1);
        }
        assertThat(Files.readString(dir.resolve("offsets/shop.offsets.json")))
                .contains("\"partition\":{\"server\":\"shop\"}");
    }

    @Test
    void anOffsetAlreadyStoredIsKeptUnlessReplaceIsAsked() throws IOException {
        Path debezium = debeziumFile(Map.of("[\"engine\",{\"server\":\"shop\"}]", OFFSET));
        try (FileOffsetStore store = FileOffsetStore.open(dir.resolve("offsets"), "shop")) {
            store.save(Map.of("server", "shop"), Map.of("file", "binlog.000009", "pos", 9));
        }

        assertThat(run("import-offsets", pipelineFile().toString(), debezium.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("already stored an offset").contains("binlog.000009").contains("--replace");

        assertThat(run("import-offsets", "--replace", pipelineFile().toString(), debezium.toString())).isZero();
        try (FileOffsetStore store = FileOffsetStore.open(dir.resolve("offsets"), "shop")) {
            assertThat(new HashMap<String, Object>(store.load().orElseThrow())).containsEntry("pos", 4321);
        }
    }

    @Test
    void aFileWithoutThePipelinesPrefixSaysWhatItHolds() throws IOException {
        Path debezium = debeziumFile(Map.of("[\"engine\",{\"server\":\"inventory\"}]", OFFSET));

        assertThat(run("import-offsets", pipelineFile().toString(), debezium.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no offset of topic.prefix shop").contains("engine engine")
                .contains("{server=inventory}");
    }

    @Test
    void aFileThatIsNotAnOffsetFileIsRefusedWithoutBuildingItsObjects() throws IOException {
        Path other = dir.resolve("not-offsets.dat");
        try (ObjectOutputStream objects = new ObjectOutputStream(Files.newOutputStream(other))) {
            objects.writeObject(new java.util.ArrayList<>(java.util.List.of("x")));
        }

        assertThat(run("import-offsets", pipelineFile().toString(), other.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read").contains("as Debezium's offset file");
    }

    @Test
    void aMissingFileIsNamedAsMissing() throws IOException {
        assertThat(run("import-offsets", pipelineFile().toString(), dir.resolve("nowhere.dat").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("there is no Debezium offset file").contains("nowhere.dat");
    }

    @Test
    void aSourceWhoseOffsetsAreItsOwnIsRefused() throws IOException {
        Path debezium = debeziumFile(Map.of("[\"engine\",{\"server_id\":\"docdb\"}]",
                "{\"sec\":1796150000,\"ord\":3,\"resume_token\":\"gmZ\"}"));
        Path pipeline = Files.writeString(dir.resolve("docdb.properties"), String.join("\n", "name=docdb",
                "connector.class=io.debezium.connector.mongodb.MongoDbConnector",
                "mongodb.connection.string=mongodb://db:27017/", "topic.prefix=docdb", "sinks=out",
                "sink.out.type=file", "sink.out.directory=" + dir.resolve("out"),
                "offset.storage.dir=" + dir.resolve("offsets")));

        assertThat(run("import-offsets", pipeline.toString(), debezium.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("keeps offsets of its own").contains("takes a snapshot first");
        assertThat(dir.resolve("offsets").resolve("docdb.offsets.json")).doesNotExist();
    }

    private int run(String... args) {
        CommandLine commandLine = TributaryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path pipelineFile() throws IOException {
        return Files.writeString(dir.resolve("shop.properties"), String.join("\n", "name=shop",
                "database.hostname=db", "database.user=cdc", "topic.prefix=shop", "sinks=out", "sink.out.type=file",
                "sink.out.directory=" + dir.resolve("out"), "offset.storage.dir=" + dir.resolve("offsets")));
    }

    /** An offset file as Kafka Connect's FileOffsetBackingStore saves one. */
    private Path debeziumFile(Map<String, String> offsets) throws IOException {
        Map<byte[], byte[]> raw = new HashMap<>();
        offsets.forEach((key, value) -> raw.put(key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("offsets.dat");
        try (OutputStream stream = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(stream)) {
            objects.writeObject(raw);
        }
        return file;
    }
}
