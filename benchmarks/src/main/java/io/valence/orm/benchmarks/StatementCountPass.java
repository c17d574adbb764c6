package io.valence.orm.benchmarks;

import io.valence.orm.benchmarks.report.StatementCount;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what each R2DBC contender sends for one operation of every workload, outside the timed
 * run: the testkit's {@link StatementRecorder} (r2dbc-proxy) is wrapped under the contender's pool.
 * A statement executed with {@code n} {@code add()}ed bindings counts as {@code n} round trips,
 * since r2dbc-postgresql sends them one after another.
 */
public final class StatementCountPass {

    private static final Logger LOG = LoggerFactory.getLogger(StatementCountPass.class);

    private final Sizes sizes;
    private final long streamRows;

    /**
     * A pass at the given sizes.
     *
     * @param sizes the sizes of W1–W4, W8 and W9
     * @param streamRows the rows W5 streams
     */
    public StatementCountPass(Sizes sizes, long streamRows) {
        this.sizes = sizes;
        this.streamRows = streamRows;
    }

    /**
     * Runs every workload once per R2DBC contender in {@code contenders} and counts.
     *
     * @param contenders the contenders to count (Hibernate Reactive is skipped: it is not on R2DBC)
     * @return one count per workload and contender; a workload that failed is logged and left out
     */
    public List<StatementCount> run(List<ContenderKind> contenders) {
        List<StatementCount> counts = new ArrayList<>();
        for (ContenderKind kind : contenders) {
            if (!kind.usesR2dbc()) {
                continue;
            }
            try {
                counts.addAll(graphWorkloads(kind));
                if (Workload.W8.measures(kind)) {
                    counts.addAll(richWorkloads(kind));
                }
                if (Workload.W5.measures(kind)) {
                    stream(kind).ifPresent(counts::add);
                }
            } catch (RuntimeException e) {
                LOG.warn("Counting the statements of {} failed", kind.displayName(), e);
            }
        }
        return counts;
    }

    private List<StatementCount> graphWorkloads(ContenderKind kind) {
        List<StatementCount> counts = new ArrayList<>();
        StatementRecorder recorder = StatementRecorder.create();
        try (BenchmarkDatabase database = BenchmarkDatabase.create("counts_" + kind.id())) {
            database.seedGraph(sizes);
            long[] ids = PointReadBenchmark.shuffled(database.parentIds(), sizes.pointReads());
            GraphData graph = GraphData.of(sizes);
            try (Contender contender = Contenders.open(kind, database, sizes, recorder::wrap)) {
                count(Workload.W2, kind, recorder, 1, "operation", contender::loadGraph).ifPresent(counts::add);
                count(Workload.W3, kind, recorder, ids.length, "read", () -> contender.pointReads(ids, sizes.inFlight()))
                        .ifPresent(counts::add);
                count(Workload.W4, kind, recorder, 1, "operation", () -> contender.updateAll("counted-"))
                        .ifPresent(counts::add);
                database.truncate();
                count(Workload.W1, kind, recorder, 1, "operation", () -> contender.insertGraph(graph))
                        .ifPresent(counts::add);
            }
        }
        return counts;
    }

    private List<StatementCount> richWorkloads(ContenderKind kind) {
        List<StatementCount> counts = new ArrayList<>();
        StatementRecorder recorder = StatementRecorder.create();
        try (BenchmarkDatabase database = BenchmarkDatabase.create("counts_rich_" + kind.id())) {
            database.seedRichGraph(sizes);
            RichGraphData graph = RichGraphData.of(sizes);
            try (Contender contender = Contenders.open(kind, database, sizes, recorder::wrap)) {
                RichContender rich = (RichContender) contender;
                count(Workload.W9, kind, recorder, 1, "operation", rich::loadRichGraph).ifPresent(counts::add);
                database.truncate();
                count(Workload.W8, kind, recorder, 1, "operation", () -> rich.insertRichGraph(graph))
                        .ifPresent(counts::add);
            }
        }
        return counts;
    }

    private Optional<StatementCount> stream(ContenderKind kind) {
        StatementRecorder recorder = StatementRecorder.create();
        try (BenchmarkDatabase database = BenchmarkDatabase.create("counts_w5_" + kind.id())) {
            database.seedStream(sizes.parents(), streamRows);
            try (StreamingContender contender = Contenders.openStreaming(kind, database, recorder::wrap)) {
                return count(Workload.W5, kind, recorder, 1, "operation",
                        () -> contender.streamChildren(StreamProbe.start(streamRows)));
            }
        }
    }

    private static Optional<StatementCount> count(
            Workload workload, ContenderKind kind, StatementRecorder recorder, int operations, String per,
            Supplier<?> operation) {
        recorder.reset();
        try {
            operation.get();
        } catch (RuntimeException e) {
            LOG.warn("{} of {} failed while counting statements", workload, kind.displayName(), e);
            return Optional.empty();
        }
        List<RecordedStatement> statements = recorder.statements();
        double roundTrips = statements.stream()
                .filter(s -> !s.pipelined())
                .mapToInt(s -> Math.max(1, s.bindings()))
                .sum();
        return Optional.of(new StatementCount(
                workload,
                kind,
                (double) statements.stream().filter(s -> s.kind() != StatementKind.TRANSACTION).count() / operations,
                roundTrips / operations,
                (double) kinds(statements, StatementKind.INSERT) / operations,
                (double) kinds(statements, StatementKind.SELECT) / operations,
                (double) kinds(statements, StatementKind.UPDATE) / operations,
                operations == 1 ? per : per + " (average of " + operations + ")"));
    }

    private static long kinds(List<RecordedStatement> statements, StatementKind kind) {
        return statements.stream().filter(s -> s.kind() == kind).count();
    }
}
