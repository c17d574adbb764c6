package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Ratios of medians to raw R2DBC's median for the same workload (and row count) in the same run. */
public final class Ratios {

    private final List<Measurement> measurements;

    /**
     * Over the measurements of one run.
     *
     * @param measurements all measurements of the run
     */
    public Ratios(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /**
     * The measurement of one contender for one workload and row count.
     *
     * @param workload the workload
     * @param contender the contender
     * @param rows W5's rows, 0 otherwise
     * @return the measurement, empty when it was not run
     */
    public Optional<Measurement> find(Workload workload, ContenderKind contender, long rows) {
        return measurements.stream()
                .filter(m -> m.workload() == workload && m.contender() == contender && m.rows() == rows)
                .findFirst();
    }

    /**
     * {@code median(contender) / median(raw R2DBC)}.
     *
     * @param workload the workload
     * @param contender the contender
     * @param rows W5's rows, 0 otherwise
     * @return the ratio, empty when either was not run
     */
    public OptionalDouble ratio(Workload workload, ContenderKind contender, long rows) {
        Optional<Measurement> raw = find(workload, ContenderKind.RAW, rows);
        Optional<Measurement> other = find(workload, contender, rows);
        if (raw.isEmpty() || other.isEmpty() || raw.get().median() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(other.get().median() / raw.get().median());
    }

    /**
     * The W5 row counts measured, ascending.
     *
     * @return the row counts
     */
    public List<Long> streamRows() {
        return measurements.stream()
                .filter(m -> m.workload() == Workload.W5)
                .map(Measurement::rows)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * All measurements of the run.
     *
     * @return the measurements
     */
    public List<Measurement> measurements() {
        return measurements;
    }
}
