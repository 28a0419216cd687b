package io.tributary.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tributary.server.PipelineConfig;
import io.tributary.server.PipelineFile;
import io.tributary.server.PipelineValidation;
import io.tributary.server.SinkRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary validate <pipeline file>}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a pipeline file without connecting anywhere and prints every problem; exits 1 when "
                + "there is one.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<pipeline file>")
    private Path file;

    @Option(names = "--verbose", description = "print stack traces with errors")
    private boolean verbose;

    @Override
    public Integer call() {
        try {
            Map<String, String> properties = PipelineFile.read(file);
            PipelineConfig config = PipelineValidation.validateFile(file.getFileName().toString(), properties,
                    new SinkRegistry());
            spec.commandLine().getOut().println("Pipeline " + config.name() + " is valid: source "
                    + config.sourceAsWritten().getOrDefault("connector.class", "MySQL/MariaDB") + ", sinks "
                    + config.sinks().values().stream().map(sink -> sink.name() + " (" + sink.type() + ")").toList()
                    + ", offsets in " + config.offsetDirectory());
            return 0;
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        }
    }
}
