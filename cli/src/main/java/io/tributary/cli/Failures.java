package io.tributary.cli;

import java.io.PrintWriter;

import io.tributary.api.config.ConfigException;
import io.tributary.core.Causes;

/** How the commands report a failure: the message (every config problem), the stack trace only on request. */
final class Failures {
    private Failures() {
    }

    static int report(PrintWriter err, Throwable e, boolean verbose) {
        if (e instanceof ConfigException config) {
            err.println("The pipeline file has " + config.problems().size() + " problem"
                    + (config.problems().size() == 1 ? "" : "s") + ":");
            config.problems().forEach(problem -> err.println("  " + problem));
        } else {
            err.println("error: " + message(e));
        }
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof ConfigException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return 1;
    }

    private static String message(Throwable e) {
        return String.join("\n  caused by: ", Causes.messages(e));
    }
}
