package io.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code main} class started in a JVM of its own with this JVM's class path, so a test can kill it the hard way
 * ({@link Process#destroyForcibly}, SIGKILL) or the polite way ({@link Process#destroy}, SIGTERM). Output is
 * appended to a log file, to read when a test fails.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Class<?> mainClass, Path log, String... arguments) {
        return start(mainClass, log, List.of("-Xmx256m"), arguments);
    }

    /** As {@link #start(Class, Path, String...)}, with these JVM options (heap size, say) instead of the default. */
    public static Process start(Class<?> mainClass, Path log, List<String> jvmOptions, String... arguments) {
        return start(mainClass, log, System.getProperty("java.class.path"), jvmOptions, arguments);
    }

    /** As {@link #start(Class, Path, List, String...)}, with a class path of its own. */
    public static Process start(Class<?> mainClass, Path log, String classPath, List<String> jvmOptions,
            String... arguments) {
        return start(List.of(), mainClass, log, classPath, jvmOptions, arguments);
    }

    /**
     * As {@link #start(Class, Path, List, String...)}, the JVM started through a launcher that runs it: {@code ip
     * netns exec <namespace>} to put it on a test host of its own ({@link TestingNetwork}), say.
     */
    public static Process start(List<String> launcher, Class<?> mainClass, Path log, List<String> jvmOptions,
            String... arguments) {
        return start(launcher, mainClass, log, System.getProperty("java.class.path"), jvmOptions, arguments);
    }

    private static Process start(List<String> launcher, Class<?> mainClass, Path log, String classPath,
            List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass.getName(), e);
        }
    }
}
