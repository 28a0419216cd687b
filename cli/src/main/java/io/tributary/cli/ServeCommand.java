package io.tributary.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tributary.server.PipelineFile;
import io.tributary.server.TributaryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary serve <runtime file>}: a runtime whose pipelines come and go through its REST API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs a runtime with no pipeline of its own, as a one-node Kafka Connect worker that needs no "
                + "Kafka: pipelines are created, changed and deleted through its REST API (POST /connectors, PUT "
                + "/connectors/<name>/config, DELETE /connectors/<name>), kept in <offset.storage.dir>/connectors "
                + "and started again with it. Ctrl-C or SIGTERM stop every pipeline gracefully.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<runtime file>", description = "the runtime's properties: rest.*, listeners, "
            + "offset.storage.dir (the runtime's directory)")
    private Path file;

    @Option(names = "--verbose", description = "print stack traces with errors")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        TributaryServer server;
        try {
            server = TributaryServer.serve(file.getFileName().toString(), PipelineFile.read(file));
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        }
        ShutdownStop stop = ShutdownStop.install(server);
        var out = spec.commandLine().getOut();
        out.println("Runtime serving its REST API at " + server.restUrl() + "; pipelines: "
                + String.join(", ", server.pipelines().names()) + (server.pipelines().names().isEmpty()
                ? "none yet (POST /connectors creates one)" : ""));
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            // run from a program of its own that interrupts it: stop as on SIGTERM
            stop.stopNow();
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
