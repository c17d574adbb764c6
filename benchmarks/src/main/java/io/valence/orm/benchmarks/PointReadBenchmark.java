package io.valence.orm.benchmarks;

import java.util.Random;
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
 * W3: 2,000 point reads by id, each in its own session and transaction, 16 in flight over a pool
 * of 8 connections. Every id is read once per operation, in a fixed shuffled order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PointReadBenchmark {

    /** Which library runs the workload. */
    @Param({"raw", "valence", "hibernate", "spring"})
    public String contender;

    /** Parents in the database and reads per operation. */
    @Param("2000")
    public int parents;

    private Trial trial;
    private long[] ids;

    /** Creates and seeds a database, opens the contender and fixes the order of the reads. */
    @Setup(Level.Trial)
    public void open() {
        trial = Trial.open("w3", ContenderKind.of(contender), Sizes.withParents(parents), true);
        ids = shuffled(trial.database().parentIds(), trial.sizes().pointReads());
    }

    static long[] shuffled(long[] available, int count) {
        Random random = new Random(8);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = available[i % available.length];
        }
        for (int i = count - 1; i > 0; i--) {
            int other = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[other];
            ids[other] = swap;
        }
        return ids;
    }

    /**
     * One operation.
     *
     * @return how many parents were found, checked
     */
    @Benchmark
    public int pointReads() {
        int found = trial.contender().pointReads(ids, trial.sizes().inFlight());
        if (found != ids.length) {
            throw new IllegalStateException("read " + ids.length + " ids, found " + found + " parents");
        }
        return found;
    }

    /** Closes the contender and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        trial.close();
    }
}
