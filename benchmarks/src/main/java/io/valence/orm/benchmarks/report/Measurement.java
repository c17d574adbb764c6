package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.util.Map;

/**
 * One contender's timing of one workload (for W5, at one row count), in milliseconds per operation.
 *
 * @param workload the workload
 * @param contender the contender
 * @param rows W5's row count, 0 for the other workloads
 * @param median median time per operation
 * @param p25 first quartile
 * @param p75 third quartile
 * @param min fastest operation (or iteration)
 * @param max slowest operation (or iteration)
 * @param samples how many timings the statistics are over
 * @param secondary JMH's secondary results (W5's heap figures), by name
 */
public record Measurement(
        Workload workload,
        ContenderKind contender,
        long rows,
        double median,
        double p25,
        double p75,
        double min,
        double max,
        long samples,
        Map<String, Double> secondary) {

    /**
     * Copies the secondary results.
     *
     * @param workload the workload
     * @param contender the contender
     * @param rows W5's row count or 0
     * @param median median
     * @param p25 first quartile
     * @param p75 third quartile
     * @param min minimum
     * @param max maximum
     * @param samples number of timings
     * @param secondary secondary results
     */
    public Measurement {
        secondary = Map.copyOf(secondary);
    }

    /**
     * The interquartile range relative to the median, e.g. 0.08 for ±4 %.
     *
     * @return {@code (p75 - p25) / median}
     */
    public double relativeSpread() {
        return median == 0 ? 0 : (p75 - p25) / median;
    }
}
