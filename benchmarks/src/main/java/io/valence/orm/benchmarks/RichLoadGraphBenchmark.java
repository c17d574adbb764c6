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
 * W9: W2 on the rich model. Load all 2,000 parents, each with its embedded address and its
 * {@code jsonb} document parsed, with their 10,000 children. Raw R2DBC and Valence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RichLoadGraphBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence"})
    public String contender;

    /** Parents in the database. */
    @Param("2000")
    public int parents;

    private Trial trial;

    /** Creates and seeds a database and opens the contender. */
    @Setup(Level.Trial)
    public void open() {
        Sizes sizes = Sizes.withParents(parents);
        trial = Trial.open("w9", ContenderKind.of(contender), sizes, database -> database.seedRichGraph(sizes));
    }

    /**
     * One operation.
     *
     * @return what was loaded, checked
     */
    @Benchmark
    public LoadedGraph loadRichGraph() {
        return trial.rich().loadRichGraph().check(trial.sizes());
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        trial.close();
    }
}
