package io.valence.orm.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/** The workloads of issue 8, each measured by one JMH benchmark class. */
public enum Workload {
    /** Insert a parent/child graph in one transaction, ids read back. */
    W1("insert 2,000 parents × 5 children in one transaction, ids read back", InsertGraphBenchmark.class, 2),
    /** Load all parents with their children. */
    W2("load 2,000 parents with their 10,000 children", LoadGraphBenchmark.class, 2),
    /** Point reads, each in its own session. */
    W3("2,000 point reads by id, one session/transaction each, 16 in flight over a pool of 8", PointReadBenchmark.class, 5),
    /** Load, change and commit. */
    W4("load 2,000 parents, change one field of each, commit", DirtyUpdateBenchmark.class, 2),
    /** Stream a large result through one session. */
    W5("stream 100,000 and 1,000,000 rows through one session (raw R2DBC and Valence)", StreamBenchmark.class, 0);

    private final String description;
    private final Class<?> benchmark;
    private final int warmupSeconds;

    Workload(String description, Class<?> benchmark, int warmupSeconds) {
        this.description = description;
        this.benchmark = benchmark;
        this.warmupSeconds = warmupSeconds;
    }

    /**
     * The length of each of a full run's two warm-up iterations (W5 counts operations instead). W3's
     * operations take a few hundred milliseconds, so it needs longer to reach compiled code: in a
     * probe, its first ten operations still ran 1.3 to 1.6 times slower than later ones.
     *
     * @return seconds per warm-up iteration
     */
    public int warmupSeconds() {
        return warmupSeconds;
    }

    /**
     * What the workload does, for the report.
     *
     * @return a one-line description
     */
    public String description() {
        return description;
    }

    /**
     * The JMH benchmark class that measures it.
     *
     * @return the class
     */
    public Class<?> benchmark() {
        return benchmark;
    }

    /**
     * The workload a JMH benchmark belongs to.
     *
     * @param benchmarkMethod a JMH benchmark name, {@code class.method}
     * @return the workload, empty for a benchmark of another class
     */
    public static Optional<Workload> ofBenchmark(String benchmarkMethod) {
        return Arrays.stream(values())
                .filter(workload -> benchmarkMethod.startsWith(workload.benchmark.getName() + "."))
                .findFirst();
    }
}
