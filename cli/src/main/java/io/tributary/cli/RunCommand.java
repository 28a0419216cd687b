package io.tributary.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tributary.server.Pipeline;
import io.tributary.server.TributaryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary run <pipeline file>}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a pipeline (source -> sinks) until Ctrl-C or SIGTERM, which stop it gracefully: "
                + "the batch in hand is delivered and its offset stored, and the next run resumes there.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<pipeline file>", description = "the pipeline's properties file (see examples/)")
    private Path file;

    @Option(names = "--verbose", description = "print stack traces with errors")
    private boolean verbose;

    @Option(names = "--progress-interval", paramLabel = "<seconds>", defaultValue = "5",
            description = "how often to print progress (default: ${DEFAULT-VALUE} s; 0 for never)")
    private int interval;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        TributaryServer server;
        try {
            server = TributaryServer.start(file);
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tributary-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Pipeline pipeline = server.pipeline();
        out.println("Pipeline " + pipeline.config().name() + " running; offsets in " + pipeline.offsetFile()
                + (server.restUrl() == null ? "" : "; REST API at " + server.restUrl()));
        out.flush();
        while (!stopped.await(interval > 0 ? interval : 3600, TimeUnit.SECONDS)) {
            if (pipeline.state() == Pipeline.State.FAILED) {
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close();
                Failures.report(spec.commandLine().getErr(), new IllegalStateException(pipeline.error().orElse(
                        "the pipeline failed")), false);
                if (verbose) {
                    spec.commandLine().getErr().println(pipeline.trace().orElse(""));
                }
                return 1;
            }
            if (interval > 0) {
                ProgressDisplay.print(out, pipeline);
            }
        }
        return 0;
    }
}
