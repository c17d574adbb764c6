package io.valence.orm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valence.orm.benchmarks.report.JmhResults;
import io.valence.orm.benchmarks.report.Machine;
import io.valence.orm.benchmarks.report.MarkdownReport;
import io.valence.orm.benchmarks.report.Measurement;
import io.valence.orm.benchmarks.report.RatioChart;
import io.valence.orm.benchmarks.report.Ratios;
import io.valence.orm.benchmarks.report.StatementCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Smoke mode: every benchmark of every contender runs in this JVM (no fork) for one short
 * iteration on tiny sizes, and the report is written from what it measured. Each benchmark
 * checks its own result (ids read back, rows loaded, rows updated, rows streamed) and fails the
 * run when it is wrong; nothing here asserts a timing.
 */
class BenchmarksSmokeTest {

    private static final String TINY_PARENTS = "20";
    private static final String TINY_ROWS = "3000";

    @TempDir
    Path results;

    @BeforeAll
    static void runBesideOtherJmhRuns() {
        // JMH refuses to start while another JMH run on the machine holds /tmp/jmh.lock (someone's
        // benchmark run); timings do not matter here, so the smoke test runs anyway.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    @Timeout(240)
    void everyBenchmarkRunsOnTinySizesAndTheReportIsWritten() throws Exception {
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                        .include("io\\.valence\\.orm\\.benchmarks\\.[A-Za-z]+Benchmark\\.")
                        .forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(500))
                        .param("parents", TINY_PARENTS)
                        .param("rows", TINY_ROWS)
                        .shouldFailOnError(true)
                        .verbosity(VerboseMode.SILENT)
                        .build())
                .run();

        List<Measurement> measurements = JmhResults.measurements(runs);
        // W1–W4: every contender; W5 (one row count), W6, W7, W8, W9: raw and Valence
        assertThat(measurements).hasSize(4 * ContenderKind.values().length + 2 + 4 * 2);
        assertThat(measurements.stream().filter(m -> Workload.RICH_TO_PLAIN.containsKey(m.workload())))
                .extracting(Measurement::workload, Measurement::contender)
                .containsExactlyInAnyOrder(
                        tuple(Workload.W8, ContenderKind.RAW), tuple(Workload.W8, ContenderKind.VALENCE),
                        tuple(Workload.W9, ContenderKind.RAW), tuple(Workload.W9, ContenderKind.VALENCE));
        assertThat(measurements).allSatisfy(m -> assertThat(m.samples()).isPositive());
        assertThat(measurements.stream().filter(m -> m.workload() == Workload.W5))
                .allSatisfy(m -> assertThat(m.secondary()).containsKeys("peakLiveMib", "baselineMib"));

        List<StatementCount> counts = new StatementCountPass(Sizes.withParents(Integer.parseInt(TINY_PARENTS)), 3_000)
                .run(List.of(ContenderKind.values()));
        assertThat(counts).extracting(StatementCount::contender).doesNotContain(ContenderKind.HIBERNATE);
        assertThat(counts.stream().filter(count -> count.contender() == ContenderKind.RAW))
                .extracting(StatementCount::workload, StatementCount::statements, StatementCount::roundTrips)
                .containsExactly(
                        tuple(Workload.W2, 2.0, 4.0),
                        tuple(Workload.W3, 1.0, 3.0),
                        tuple(Workload.W4, 2.0, 4.0),
                        tuple(Workload.W1, 2.0, 4.0),
                        tuple(Workload.W9, 2.0, 4.0),
                        tuple(Workload.W8, 2.0, 4.0),
                        tuple(Workload.W5, 1.0, 3.0));
        // the embedded address and the jsonb column add no statement: the rich model goes out as the plain one
        assertThat(statements(counts, Workload.W8)).isEqualTo(statements(counts, Workload.W1));
        assertThat(statements(counts, Workload.W9)).isEqualTo(statements(counts, Workload.W2));

        Ratios ratios = new Ratios(measurements);
        RatioChart.write(ratios, results.resolve("smoke-ratios.png"));
        new MarkdownReport(LocalDate.now(), "smoke", "smoke", Duration.ZERO,
                        Machine.describe("PostgreSQL (smoke)", "smoke", Machine.loadAverage()), ratios, counts,
                        "smoke-ratios.png")
                .write(results.resolve("smoke.md"));
        assertThat(results.resolve("smoke-ratios.png")).isNotEmptyFile();
        assertThat(Files.readString(results.resolve("smoke.md")))
                .contains("## W1", "## W5", "## W8", "## W9", "## Rich model against the plain one", "| Valence |",
                        "| Spring Data R2DBC |", "| Hibernate Reactive |");
    }

    private static double statements(List<StatementCount> counts, Workload workload) {
        return counts.stream()
                .filter(count -> count.contender() == ContenderKind.VALENCE && count.workload() == workload)
                .mapToDouble(StatementCount::statements)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no count of Valence's " + workload));
    }
}
