package io.tributary.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the micro-benchmarks of the hot paths (one fork, 5 warm-up and 5 measured seconds each) and writes
 * {@code bench/results/jmh.md}. An argument narrows the run to benchmarks matching it (the file is then left alone).
 */
public final class Jmh {
    private static final Path RESULTS = Path.of("bench", "results", "jmh.md");

    private Jmh() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : ".*Benchmark";
        Options options = new OptionsBuilder().include(include).forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g").build();
        Collection<RunResult> results = new Runner(options).run();
        if (args.length > 0) {
            return;
        }
        StringBuilder page = new StringBuilder("# Micro-benchmarks of the hot paths\n\nWritten by `bench/run.sh jmh.Jmh` on ")
                .append(LocalDate.now()).append(" (JMH 1.37, one fork, 5 × 1 s warm-up, 5 × 1 s measured, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("). Times are per change event for JSON ")
                .append("encoding, per row for row decoding (a real rows event of 50 rows, decoded, converted and ")
                .append("built into change records), per record for DynamoDB item mapping (a batch of 500 mapped, ")
                .append("sized and grouped into BatchWriteItem calls).\n\n")
                .append("| benchmark | parameters | score | ± (99.9 %) | unit |\n|---|---|---:|---:|---|\n");
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            String name = result.getParams().getBenchmark();
            page.append("| ").append(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
                    .append(" | ").append(String.join(", ", result.getParams().getParamsKeys().stream()
                            .map(key -> key + "=" + result.getParams().getParam(key)).toList()))
                    .append(String.format(" | %.1f | %.1f | %s |%n", primary.getScore(), primary.getScoreError(),
                            primary.getScoreUnit()));
        }
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, page, StandardCharsets.UTF_8);
        System.out.println(page);
    }
}
