package io.tributary.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A test host of its own: a network namespace joined to this one by a veth pair, with an address on each side in a
 * /30 of 10.213.0.0/16 that only this pair uses. A process started in the namespace ({@link #launcher()}) reaches
 * this host at {@link #hostAddress()}; {@link #cut()} takes the link down so that packets between the two are
 * dropped without a word (no reset: what a pulled cable or a dead switch does), {@link #restore()} brings it back.
 * Needs root and iproute2 ({@code ip}); nothing outside the pair's own addresses is ever addressed.
 */
public final class TestingNetwork implements AutoCloseable {
    private final String namespace;
    private final String hostSide;
    private final String namespaceSide;
    private final String hostAddress;
    private final String namespaceAddress;
    private boolean closed;

    private TestingNetwork(int subnet) {
        String id = Integer.toHexString(subnet);
        this.namespace = "tributary-" + id;
        this.hostSide = "trb" + id + "h";
        this.namespaceSide = "trb" + id + "n";
        this.hostAddress = "10.213." + (subnet >> 6) + "." + ((subnet & 63) * 4 + 1);
        this.namespaceAddress = "10.213." + (subnet >> 6) + "." + ((subnet & 63) * 4 + 2);
    }

    /** Creates the namespace and the link, up. */
    public static TestingNetwork create() {
        requireRoot();
        TestingNetwork network = new TestingNetwork(ThreadLocalRandom.current().nextInt(1, 1 << 14));
        ExitCleanup.register(network);
        try {
            ip("netns", "add", network.namespace);
            ip("link", "add", network.hostSide, "type", "veth", "peer", "name", network.namespaceSide);
            ip("link", "set", network.namespaceSide, "netns", network.namespace);
            ip("addr", "add", network.hostAddress + "/30", "dev", network.hostSide);
            ip("link", "set", network.hostSide, "up");
            ip("-n", network.namespace, "addr", "add", network.namespaceAddress + "/30", "dev", network.namespaceSide);
            ip("-n", network.namespace, "link", "set", network.namespaceSide, "up");
            ip("-n", network.namespace, "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    /** The address of this (the root) host on the link, which a process in the namespace connects to. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The namespace's own address on the link. */
    public String namespaceAddress() {
        return namespaceAddress;
    }

    /** The command prefix that runs a program on the namespace's side: {@code ip netns exec <namespace>}. */
    public List<String> launcher() {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** Takes the link down: from now on packets between the two sides are dropped silently. */
    public void cut() {
        ip("link", "set", hostSide, "down");
    }

    /** Brings the link back up. */
    public void restore() {
        ip("link", "set", hostSide, "up");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ExitCleanup.unregister(this);
        // deleting the namespace deletes its end of the pair, and with it this end
        runQuietly("ip", "link", "del", hostSide);
        runQuietly("ip", "netns", "del", namespace);
    }

    @Override
    public String toString() {
        return "TestingNetwork[" + namespace + ": " + hostAddress + " <-> " + namespaceAddress + "]";
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new TestkitException("network faults need a network namespace, which only root can make: run the "
                    + "tests as root (the CI does), or with sudo");
        }
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        String output = run(command);
        if (output != null) {
            throw new TestkitException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void runQuietly(String... command) {
        run(List.of(command));
    }

    /** Null when the command succeeded, its output otherwise. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "did not finish within 30 s";
            }
            return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
        } catch (IOException e) {
            throw new TestkitException("cannot run " + command.get(0) + " (iproute2 installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
