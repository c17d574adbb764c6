package io.valence.orm.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W5: stream every row of {@code child} (100,000 or 1,000,000) through one session, one object
 * per row, and report the peak live heap while streaming (a {@link StreamProbe} collects garbage
 * and samples the heap at half and at all of the rows, so each operation's time includes two
 * forced collections, for both contenders alike). Raw R2DBC and Valence only. The heap is capped
 * at 1 GiB so that a stream that keeps its rows shows up as a large peak, not as a resized heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StreamBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence"})
    public String contender;

    /** Rows in {@code child}. */
    @Param({"100000", "1000000"})
    public int rows;

    private BenchmarkDatabase database;
    private StreamingContender streaming;

    /** The heap figures of the last operation, reported by JMH next to the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {

        /** Peak live heap while streaming, MiB. */
        public double peakLiveMib;

        /** Live heap before the stream started, MiB. */
        public double baselineMib;

        /** Clears the figures before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            peakLiveMib = 0;
            baselineMib = 0;
        }
    }

    /** Creates a database with {@code rows} children and opens the contender. */
    @Setup(Level.Trial)
    public void open() {
        ContenderKind kind = ContenderKind.of(contender);
        database = BenchmarkDatabase.create("w5_" + kind.id());
        try {
            database.seedStream(Sizes.STANDARD.parents(), rows);
            streaming = Contenders.openStreaming(kind, database, UnaryOperator.identity());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * One operation.
     *
     * @param heap where the heap figures go
     * @return the sum of the streamed ids
     */
    @Benchmark
    public long stream(Heap heap) {
        StreamProbe probe = StreamProbe.start(rows);
        long streamed = streaming.streamChildren(probe);
        if (streamed != rows || probe.rows() != rows) {
            throw new IllegalStateException("expected " + rows + " rows, streamed " + streamed + ", saw " + probe.rows());
        }
        heap.peakLiveMib = probe.peakLiveMib();
        heap.baselineMib = probe.baselineMib();
        return probe.idSum();
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        try {
            streaming.close();
        } finally {
            database.close();
        }
    }
}
