package io.tributary.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--on-failure", paramLabel = "<exit|stay>", defaultValue = "exit",
            description = "when the pipeline fails: exit (status 1, at once, for a supervisor such as systemd or "
                    + "Kubernetes to restart) or stay (keep serving the REST API: the failure's trace in "
                    + "/connectors/<name>/status, POST .../restart to start again). Default: ${DEFAULT-VALUE}")
    private OnFailure onFailure;

    enum OnFailure { exit, stay }

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        TributaryServer server;
        try {
            server = TributaryServer.start(file);
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        }
        ShutdownStop stop = ShutdownStop.install(server);
        Pipeline pipeline = server.pipeline();
        out.println("Pipeline " + pipeline.config().name() + " running; offsets in " + pipeline.offsetFile()
                + (server.restUrl() == null ? "" : "; REST API at " + server.restUrl()));
        out.flush();
        try {
            return watch(server, stop);
        } catch (InterruptedException e) {
            // run from a program of its own (a test, an embedding application) that interrupts it: stop as on SIGTERM
            stop.stopNow();
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Prints progress until stopped; returns the exit status. */
    private int watch(TributaryServer server, ShutdownStop stop) throws InterruptedException {
        var out = spec.commandLine().getOut();
        long intervalMs = TimeUnit.SECONDS.toMillis(interval > 0 ? interval : 3600);
        long nextProgress = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
        String reported = null; // the trace of the failure last reported, while staying
        while (!stop.stopped()) {
            // the one running now, looked up every second at most: it is replaced when it restarts to read its
            // config providers' values again
            Pipeline pipeline = server.pipeline();
            if (pipeline.awaitFailed(Math.min(intervalMs, 1000))) {
                if (onFailure == OnFailure.exit) {
                    stop.stopNow();
                    reportFailure(pipeline);
                    return 1;
                }
                String trace = pipeline.trace().orElse("");
                if (!trace.equals(reported)) {
                    reportFailure(pipeline);
                    spec.commandLine().getErr().println("Still serving the REST API (--on-failure stay): "
                            + "POST /connectors/" + pipeline.config().name() + "/restart starts it again.");
                    spec.commandLine().getErr().flush();
                    reported = trace;
                }
                // stays failed until restarted through REST or stopped: wait for either
                stop.await(1, TimeUnit.SECONDS);
                continue;
            }
            if (interval > 0 && !stop.stopped() && System.nanoTime() - nextProgress >= 0) {
                ProgressDisplay.print(out, pipeline);
                nextProgress += TimeUnit.MILLISECONDS.toNanos(intervalMs);
            }
        }
        return 0;
    }

    private void reportFailure(Pipeline pipeline) {
        Failures.report(spec.commandLine().getErr(), new IllegalStateException(pipeline.error().orElse(
                "the pipeline failed")), false);
        if (verbose) {
            spec.commandLine().getErr().println(pipeline.trace().orElse(""));
        }
    }
}
