package io.valence.orm.benchmarks.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Timings merged from several JMH results of one benchmark (one per round), with nearest-rank
 * percentiles over all of them.
 */
final class Samples {

    private final TreeMap<Double, Long> counts = new TreeMap<>();
    private long total;

    /** Adds {@code count} timings of {@code value}. */
    void add(double value, long count) {
        counts.merge(value, count, Long::sum);
        total += count;
    }

    long size() {
        return total;
    }

    /** The nearest-rank percentile, {@code 0 < percentile <= 100}; 0 is the minimum. */
    double percentile(double percentile) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Double, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return counts.lastKey();
    }

    double min() {
        return total == 0 ? Double.NaN : counts.firstKey();
    }

    double max() {
        return total == 0 ? Double.NaN : counts.lastKey();
    }
}
