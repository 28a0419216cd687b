package io.tributary.bench.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.tributary.testkit.ChildJvm;

/**
 * A server of the benchmark in a JVM of its own, so that its CPU can be read from {@code /proc} apart from the
 * engines' and the benchmark's: its main writes its address to a file once it serves ({@link #serve}), then serves
 * until its standard input ends (the benchmark closes it, or exits).
 *
 * @param process the server's JVM
 * @param address what the server wrote when it was ready: bootstrap servers, an endpoint
 */
record ServerJvm(Process process, String address) implements AutoCloseable {
    /** Starts {@code main} with the ready file as its argument and waits, up to two minutes, until it serves. */
    static ServerJvm start(Class<?> main, Path directory, String name) throws IOException, InterruptedException {
        return start(main, directory, name, List.of("-Xmx1g"));
    }

    /** As {@link #start(Class, Path, String)}, with these JVM options, and more arguments after the ready file's. */
    static ServerJvm start(Class<?> main, Path directory, String name, List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        Path ready = directory.resolve(name + ".ready");
        Path log = directory.resolve(name + ".log");
        Files.deleteIfExists(ready);
        String[] all = new String[arguments.length + 1];
        all[0] = ready.toString();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        Process process = ChildJvm.start(main, log, System.getProperty("java.class.path"), jvmOptions, all);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the benchmark's " + name + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return new ServerJvm(process, Files.readString(ready).strip());
    }

    /** In the server's JVM: says where it serves, then blocks until the benchmark closes this JVM's input. */
    static void serve(Path ready, String address) throws IOException {
        serve(ready, address, line -> {
        });
    }

    /** As {@link #serve(Path, String)}, handing each line the benchmark {@linkplain #tell tells} it to commands. */
    static void serve(Path ready, String address, Consumer<String> commands) throws IOException {
        Path written = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(written, address);
        Files.move(written, ready);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            commands.accept(line.strip());
        }
    }

    /** Sends the server a command line (see {@link #serve(Path, String, Consumer)}). */
    void tell(String command) throws IOException {
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The server's CPU (user + system) since it started. */
    long cpuNanos() throws IOException {
        return ProcessCpu.of(process.pid()).cpuNanos();
    }

    /** The server's CPU since it started and its peak resident set. */
    ProcessCpu cost() throws IOException {
        return ProcessCpu.of(process.pid());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}
