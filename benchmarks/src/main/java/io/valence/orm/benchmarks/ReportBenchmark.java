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
 * W6 and W7, the queries of a dashboard and a list screen over the 10,000 children of 2,000
 * parents, one statement each: a grouped aggregate ({@code count(*)}, {@code min(value)} per
 * parent) and a projection of two columns into records. Raw R2DBC and Valence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReportBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence"})
    public String contender;

    /** Parents in the database, each with the standard number of children. */
    @Param("2000")
    public int parents;

    private Trial trial;
    private long children;

    /** Creates and seeds a database and opens the contender. */
    @Setup(Level.Trial)
    public void open() {
        Sizes sizes = Sizes.withParents(parents);
        trial = Trial.open("w6", ContenderKind.of(contender), sizes, true);
        children = (long) parents * sizes.childrenPerParent();
    }

    /**
     * W6: one operation.
     *
     * @return the number of children counted, checked
     */
    @Benchmark
    public long childrenPerParent() {
        return checked(trial.reporting().childrenPerParent());
    }

    /**
     * W7: one operation.
     *
     * @return the number of rows read, checked
     */
    @Benchmark
    public long childLines() {
        return checked(trial.reporting().childLines());
    }

    private long checked(long rows) {
        if (rows != children) {
            throw new IllegalStateException("expected " + children + " children, got " + rows);
        }
        return rows;
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        trial.close();
    }
}
