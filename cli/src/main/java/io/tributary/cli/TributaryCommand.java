package io.tributary.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code tributary} command: the entry point of the standalone runtime's subcommands. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCommand.ManifestVersion.class,
        subcommands = {RunCommand.class, ServeCommand.class, ValidateCommand.class, StatusCommand.class,
            ImportOffsetsCommand.class, DemoCommand.class},
        description = "Change-data-capture: every committed row change of a database, as Debezium-compatible "
                + "events, delivered to Kafka or straight into a sink.",
        footer = {
            "",
            "Documentation: README.md in the Tributary repository.",
        })
public final class TributaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // the binlog client logs through java.util.logging: keep its INFO lines off the terminal
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new TributaryCommand());
    }

    /** Without a subcommand there is nothing to do but explain how to use the command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version the build wrote into the jar's manifest, or "development" when run from classes. */
    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TributaryCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (version == null ? "development" : version),
                "Java " + Runtime.version()};
        }
    }
}
