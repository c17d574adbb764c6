package io.valence.orm.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * W8: W1 on the rich model. Insert 2,000 parents, each with an embedded address and a {@code jsonb}
 * document, with 5 children each in one transaction and read the generated ids back. Every
 * operation starts on empty tables (truncated outside the measured time). Raw R2DBC and Valence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RichInsertGraphBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence"})
    public String contender;

    /** Parents per operation. */
    @Param("2000")
    public int parents;

    private Trial trial;
    private RichGraphData graph;

    /** Creates an empty database and opens the contender. */
    @Setup(Level.Trial)
    public void open() {
        Sizes sizes = Sizes.withParents(parents);
        trial = Trial.open("w8", ContenderKind.of(contender), sizes, false);
        graph = RichGraphData.of(sizes);
    }

    /** Empties the tables before every operation. */
    @Setup(Level.Invocation)
    public void emptyTables() {
        trial.database().truncate();
    }

    /**
     * One operation.
     *
     * @return the ids read back, checked
     */
    @Benchmark
    public InsertedIds insertRichGraph() {
        return trial.rich().insertRichGraph(graph).check(graph.graph());
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        trial.close();
    }
}
