package io.tributary.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.tributary.testkit.ConnectRest;
import io.tributary.testkit.TestingConnectWorker;
import io.tributary.testkit.TestingKafka;

/**
 * A Kafka Connect cluster of workers in JVMs of their own, for a fault test to stop, kill and restart. Any running
 * worker answers for the cluster; each worker's output is kept in {@code target/} on close (named after the cluster).
 */
final class ConnectCluster implements AutoCloseable {
    private final String name;
    private final List<TestingConnectWorker> workers = new ArrayList<>();

    private ConnectCluster(String name) {
        this.name = name;
    }

    /**
     * Starts {@code size} workers with these worker properties (beyond the test kit's): the first, then the others
     * side by side.
     */
    static ConnectCluster start(String name, TestingKafka kafka, int size, Map<String, String> workerOverrides) {
        ConnectCluster cluster = new ConnectCluster(name);
        try {
            TestingConnectWorker first = TestingConnectWorker.create(kafka, workerOverrides);
            cluster.workers.add(first);
            List<CompletableFuture<TestingConnectWorker>> joining = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                joining.add(CompletableFuture.supplyAsync(() -> TestingConnectWorker.joining(first)));
            }
            RuntimeException failure = null;
            for (CompletableFuture<TestingConnectWorker> worker : joining) {
                try {
                    cluster.workers.add(worker.join());
                } catch (CompletionException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The REST API of a running worker: any worker answers for every connector of the cluster. */
    ConnectRest rest() {
        return workers.stream().filter(TestingConnectWorker::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("no worker of " + name + " is running"))
                .rest();
    }

    /** The worker with this id (a status's {@code worker_id}) if it is running. */
    Optional<TestingConnectWorker> running(String workerId) {
        return workers.stream().filter(worker -> worker.workerId().equals(workerId) && worker.isRunning())
                .findFirst();
    }

    String groupId() {
        return workers.get(0).groupId();
    }

    List<TestingConnectWorker> workers() {
        return List.copyOf(workers);
    }

    @Override
    public void close() {
        for (int i = 0; i < workers.size(); i++) {
            TestingConnectWorker worker = workers.get(i);
            try {
                if (Files.exists(worker.log())) {
                    Files.copy(worker.log(), Path.of("target", name + "-worker-" + (i + 1) + ".log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                System.err.println("could not keep the output of " + worker + ": " + e);
            } finally {
                worker.close();
            }
        }
    }
}
