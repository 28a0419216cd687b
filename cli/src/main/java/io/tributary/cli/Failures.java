package io.tributary.cli;

import java.io.PrintWriter;

import io.tributary.api.config.ConfigException;

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
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
