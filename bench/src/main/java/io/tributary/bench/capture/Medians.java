package io.tributary.bench.capture;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median the results tables quote: the middle run, or the mean of the two middle ones. */
public final class Medians {
    private Medians() {
    }

    /** The median of {@code metric} over {@code runs}. */
    public static <T> double of(List<T> runs, ToDoubleFunction<T> metric) {
        double[] sorted = runs.stream().mapToDouble(metric).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
