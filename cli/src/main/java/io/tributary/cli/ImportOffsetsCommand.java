package io.tributary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.tributary.api.ChangeSourceProvider;
import io.tributary.core.offsets.DebeziumOffsetFile;
import io.tributary.core.offsets.FileOffsetStore;
import io.tributary.core.offsets.OffsetJson;
import io.tributary.server.PipelineConfig;
import io.tributary.server.PipelineFile;
import io.tributary.server.PipelineValidation;
import io.tributary.server.SinkRegistry;
import io.tributary.server.SourceRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary import-offsets <pipeline file> <Debezium offset file>}. */
@Command(name = "import-offsets", mixinStandardHelpOptions = true,
        description = "Stores the offset Debezium Server or Debezium's embedded engine reached (its "
                + "offset.storage.file.filename) as the pipeline's, so that `tributary run` continues where Debezium "
                + "stopped, without a new snapshot. Stop Debezium first; the pipeline must not be running.")
final class ImportOffsetsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<pipeline file>")
    private Path pipelineFile;

    @Parameters(index = "1", paramLabel = "<Debezium offset file>")
    private Path debeziumFile;

    @Option(names = "--engine", paramLabel = "<name>",
            description = "the Debezium engine (connector) name, when the file holds offsets of several with the "
                    + "pipeline's topic.prefix")
    private String engine;

    @Option(names = "--replace", description = "replace an offset the pipeline already stored")
    private boolean replace;

    @Option(names = "--verbose", description = "print stack traces with errors")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            PipelineConfig config = PipelineValidation.validateFile(pipelineFile.getFileName().toString(),
                    PipelineFile.read(pipelineFile), new SinkRegistry());
            ChangeSourceProvider source = SourceRegistry.installed().require(config.source());
            if (!source.resumesFromDebeziumOffsets()) {
                throw new IllegalArgumentException("the pipeline's source (" + source.connectorClasses().get(0)
                        + ") keeps offsets of its own that Debezium's do not carry over to: start the pipeline "
                        + "without them (it takes a snapshot first)");
            }
            String server = source.identify(config.source()).topicPrefix();
            DebeziumOffsetFile.Entry entry = DebeziumOffsetFile.find(debeziumFile, server, Optional.ofNullable(engine));
            try (FileOffsetStore store = FileOffsetStore.open(config.offsetDirectory(), config.name())) {
                Optional<Map<String, ?>> stored = store.load();
                if (stored.isPresent() && !replace) {
                    throw new IllegalStateException("pipeline " + config.name() + " already stored an offset in "
                            + store.file() + " (" + json(stored.get()) + "); add --replace to continue from Debezium's "
                            + "instead");
                }
                store.save(entry.partition(), entry.offset());
                out.println("Stored Debezium's offset of engine " + entry.engine() + " (topic.prefix " + server + "): "
                        + json(entry.offset()) + " in " + store.file() + ".");
            }
            out.println(entry.offset().containsKey("snapshot")
                    ? "Debezium stopped during its snapshot: `tributary run` takes the snapshot again, then streams."
                    : "`tributary run " + pipelineFile + "` continues from there, without a new snapshot.");
            return 0;
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        }
    }

    private static String json(Map<String, ?> map) {
        return new String(OffsetJson.write(map), java.nio.charset.StandardCharsets.UTF_8);
    }
}
