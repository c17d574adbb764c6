package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH's run results into {@link Measurement}s: the results of one benchmark and parameter
 * set from several rounds are merged (all their timings in one set of percentiles), and
 * benchmarks of other classes are ignored.
 */
public final class JmhResults {

    private JmhResults() {}

    /**
     * The measurements of {@code results}, ordered by workload, contender and rows.
     *
     * @param results what one or more {@code Runner.run()} calls returned
     * @return one measurement per benchmark and parameter set
     */
    public static List<Measurement> measurements(Collection<RunResult> results) {
        Map<Key, List<RunResult>> byKey = new LinkedHashMap<>();
        for (RunResult result : results) {
            key(result).ifPresent(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(result));
        }
        return byKey.entrySet().stream()
                .map(entry -> merge(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Measurement::workload)
                        .thenComparing(Measurement::contender)
                        .thenComparingLong(Measurement::rows))
                .toList();
    }

    private record Key(Workload workload, ContenderKind contender, long rows) {}

    private static Optional<Key> key(RunResult result) {
        String rows = result.getParams().getParam("rows");
        return Workload.ofBenchmark(result.getParams().getBenchmark())
                .map(workload -> new Key(
                        workload,
                        ContenderKind.of(result.getParams().getParam("contender")),
                        rows == null ? 0 : Long.parseLong(rows)));
    }

    private static Measurement merge(Key key, List<RunResult> rounds) {
        Samples samples = new Samples();
        Map<String, Double> secondarySums = new LinkedHashMap<>();
        for (RunResult round : rounds) {
            Iterator<Map.Entry<Double, Long>> data = round.getPrimaryResult().getStatistics().getRawData();
            while (data.hasNext()) {
                Map.Entry<Double, Long> entry = data.next();
                samples.add(entry.getKey(), entry.getValue());
            }
            // Per-operation figures (W5's heap): the mean over iterations; JMH's score of an
            // EVENTS counter is their sum.
            round.getSecondaryResults()
                    .forEach((name, value) -> secondarySums.merge(name, value.getStatistics().getMean(), Double::sum));
        }
        Map<String, Double> secondary = new LinkedHashMap<>();
        secondarySums.forEach((name, sum) -> secondary.put(name, sum / rounds.size()));
        return new Measurement(
                key.workload(),
                key.contender(),
                key.rows(),
                samples.percentile(50),
                samples.percentile(25),
                samples.percentile(75),
                samples.min(),
                samples.max(),
                samples.size(),
                secondary);
    }
}
