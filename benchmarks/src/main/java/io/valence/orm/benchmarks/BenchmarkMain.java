package io.valence.orm.benchmarks;

import io.valence.orm.benchmarks.report.JmhResults;
import io.valence.orm.benchmarks.report.Machine;
import io.valence.orm.benchmarks.report.MarkdownReport;
import io.valence.orm.benchmarks.report.Measurement;
import io.valence.orm.benchmarks.report.RatioChart;
import io.valence.orm.benchmarks.report.Ratios;
import io.valence.orm.benchmarks.report.StatementCount;
import io.valence.orm.testkit.DatabaseProvider;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes the report: starts the testkit's PostgreSQL once and points
 * every JMH fork at it, runs W1–W4 and W8–W9 (those two raw R2DBC and Valence only), then W5–W7 (raw
 * R2DBC and Valence), counts statements, then writes
 * {@code results/<date>.md} and {@code results/<date>-ratios.png}.
 *
 * <p>W1–W4, W8 and W9 run in rounds: every round runs every contender of a workload in turn (starting with a
 * different one each round), and a measurement merges the timings of all rounds, so that load from
 * elsewhere on the machine falls on all contenders alike.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--rounds N] [--workloads W1,W2]
 * [--contenders raw,valence] [--results DIR]}.
 */
public final class BenchmarkMain {

    /** The command the README gives; the report records it with the arguments of the run. */
    static final String COMMAND =
            "mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar";

    private static final String URL_PROPERTY = "valence.test.database.url";
    private static final long COUNTED_STREAM_ROWS = 100_000;
    /**
     * Each of a full run's two warm-up iterations of W1–W4. On two cores the JIT compiler shares the
     * machine with the workload and PostgreSQL, so compiling a contender's hot code takes well over
     * 4 s: in a probe of W2, Valence's time per operation kept falling until about 25 s after start
     * (12.9 to 10.7 ms), while C2 still took a tenth of the samples (docs/benchmarks.md, Workloads).
     */
    private static final int WARMUP_SECONDS = 8;

    private BenchmarkMain() {}

    /**
     * Runs, reports and exits.
     *
     * @param args see {@link RunSettings#parse(String...)}
     * @throws Exception when the run or the report fails
     */
    public static void main(String[] args) throws Exception {
        RunSettings settings = RunSettings.parse(args);
        Instant started = Instant.now();
        String loadAtStart = Machine.loadAverage();
        TestDatabase server = TestDatabase.shared();
        IsolatedDatabase anchor = Objects.requireNonNull(server.createDatabase("bench_forks").block(), "anchor");
        try {
            String forkUrl = server.provider() == DatabaseProvider.URL && System.getProperty(URL_PROPERTY) != null
                    ? System.getProperty(URL_PROPERTY)
                    : anchor.url();
            List<Measurement> measurements = JmhResults.measurements(runJmh(settings, forkUrl));
            List<StatementCount> counts = new StatementCountPass(Sizes.STANDARD, COUNTED_STREAM_ROWS)
                    .run(settings.contenders());
            report(settings, started, loadAtStart, server, measurements, counts, args);
        } finally {
            anchor.drop().block();
        }
        System.exit(0);
    }

    private static Collection<RunResult> runJmh(RunSettings settings, String forkUrl) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        List<Workload> graphWorkloads = settings.workloads().stream()
                .filter(w -> !Workload.AFTER_ROUNDS.contains(w))
                .toList();
        for (int round = 0; round < settings.rounds(); round++) {
            for (Workload workload : graphWorkloads) {
                List<ContenderKind> contenders =
                        settings.contenders().stream().filter(workload::measures).toList();
                for (int i = 0; i < contenders.size(); i++) {
                    ContenderKind contender = contenders.get((i + round) % contenders.size());
                    results.addAll(run(roundOptions(settings, forkUrl, workload, List.of(contender))));
                }
            }
        }
        for (Workload workload : Workload.AFTER_ROUNDS) {
            List<ContenderKind> rawAndValence =
                    settings.contenders().stream().filter(workload::measures).toList();
            if (settings.workloads().contains(workload) && !rawAndValence.isEmpty()) {
                ChainedOptionsBuilder options = options(forkUrl, workload, rawAndValence);
                if (settings.quick()) {
                    options.warmupIterations(1).measurementIterations(2);
                }
                results.addAll(run(options));
            }
        }
        return results;
    }

    /** W1–W4, W8, W9: each round is a share of the measurement, so that all rounds add up to a full run. */
    private static ChainedOptionsBuilder roundOptions(
            RunSettings settings, String forkUrl, Workload workload, List<ContenderKind> contenders) {
        ChainedOptionsBuilder options = options(forkUrl, workload, contenders);
        if (settings.quick()) {
            return options.warmupIterations(1)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        return options.warmupIterations(2)
                .warmupTime(TimeValue.seconds(WARMUP_SECONDS))
                .measurementIterations(2)
                .measurementTime(TimeValue.seconds(3));
    }

    private static ChainedOptionsBuilder options(String forkUrl, Workload workload, List<ContenderKind> contenders) {
        return new OptionsBuilder()
                .include(workload.pattern())
                .shouldFailOnError(true)
                // reactor-netty's default of max(cores, 4) event loops oversubscribes a small machine
                // (docs/benchmarks.md, Fairness); one per core, for every R2DBC-based contender alike
                .jvmArgsPrepend("-D" + URL_PROPERTY + "=" + forkUrl,
                        "-Dreactor.netty.ioWorkerCount=" + Runtime.getRuntime().availableProcessors())
                .param("contender", contenders.stream().map(ContenderKind::id).toArray(String[]::new));
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static void report(
            RunSettings settings,
            Instant started,
            String loadAtStart,
            TestDatabase server,
            List<Measurement> measurements,
            List<StatementCount> counts,
            String[] args)
            throws java.io.IOException {
        LocalDate date = LocalDate.now();
        Path directory = settings.resultsDirectory();
        Files.createDirectories(directory);
        String chart = date + "-ratios.png";
        Ratios ratios = new Ratios(measurements);
        RatioChart.write(ratios, directory.resolve(chart));
        String command = COMMAND + (args.length == 0 ? "" : " " + String.join(" ", args));
        MarkdownReport report = new MarkdownReport(
                date,
                command,
                (settings.quick() ? "quick" : "full") + " mode, " + settings.rounds() + " round(s) of W1–W4, W8, W9",
                Duration.between(started, Instant.now()),
                Machine.describe(
                        server.serverVersion(),
                        server.provider().toString(),
                        "at start " + loadAtStart + ", at end " + Machine.loadAverage() + " (" + Runtime.getRuntime()
                                .availableProcessors() + " cores)"),
                ratios,
                counts,
                chart);
        Path file = directory.resolve(date + ".md");
        report.write(file);
        System.out.println("Report: " + file.toAbsolutePath() + "\n"
                + measurements.stream()
                        .map(m -> m.workload() + " " + m.contender().id() + (m.rows() > 0 ? " " + m.rows() : "")
                                + ": " + String.format("%.2f ms", m.median()))
                        .collect(Collectors.joining("\n")));
    }
}
