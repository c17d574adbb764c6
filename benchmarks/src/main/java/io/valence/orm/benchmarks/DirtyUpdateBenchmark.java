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
 * W4: load 2,000 parents, change one field of each, commit. Every operation writes values no
 * operation wrote before, so every row really changes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DirtyUpdateBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence", "hibernate", "spring"})
    public String contender;

    /** Parents in the database. */
    @Param("2000")
    public int parents;

    private Trial trial;
    private long operation;

    /** Creates and seeds a database and opens the contender. */
    @Setup(Level.Trial)
    public void open() {
        trial = Trial.open("w4", ContenderKind.of(contender), Sizes.withParents(parents), true);
    }

    /**
     * One operation.
     *
     * @return how many parents were updated, checked
     */
    @Benchmark
    public int updateAll() {
        int updated = trial.contender().updateAll("updated-" + (++operation) + "-");
        if (updated != trial.sizes().parents()) {
            throw new IllegalStateException("updated " + updated + " of " + trial.sizes().parents() + " parents");
        }
        return updated;
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        trial.close();
    }
}
