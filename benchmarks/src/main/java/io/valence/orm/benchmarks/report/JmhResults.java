package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** Turns JMH's run results into {@link Measurement}s, ignoring benchmarks of other classes. */
public final class JmhResults {

    private JmhResults() {}

    /**
     * The measurements of {@code results}, ordered by workload, contender and rows.
     *
     * @param results what {@code Runner.run()} returned
     * @return one measurement per benchmark and parameter set
     */
    public static List<Measurement> measurements(Collection<RunResult> results) {
        return results.stream()
                .map(JmhResults::measurement)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Measurement::workload)
                        .thenComparing(Measurement::contender)
                        .thenComparingLong(Measurement::rows))
                .toList();
    }

    private static Optional<Measurement> measurement(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return Workload.ofBenchmark(benchmark).map(workload -> {
            Statistics statistics = result.getPrimaryResult().getStatistics();
            String rows = result.getParams().getParam("rows");
            Map<String, Double> secondary = new LinkedHashMap<>();
            result.getSecondaryResults().forEach((name, value) -> secondary.put(name, value.getScore()));
            return new Measurement(
                    workload,
                    ContenderKind.of(result.getParams().getParam("contender")),
                    rows == null ? 0 : Long.parseLong(rows),
                    statistics.getPercentile(50),
                    statistics.getPercentile(25),
                    statistics.getPercentile(75),
                    statistics.getMin(),
                    statistics.getMax(),
                    statistics.getN(),
                    secondary);
        });
    }
}
