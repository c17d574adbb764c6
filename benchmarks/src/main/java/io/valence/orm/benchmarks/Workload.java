package io.valence.orm.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workloads of issues 8 (W1–W5), 23 (W6, W7) and 21 (W8, W9: W1 and W2 on the rich model), each
 * measured by one JMH benchmark (class or method).
 */
public enum Workload {
    /** Insert a parent/child graph in one transaction, ids read back. */
    W1("insert 2,000 parents × 5 children in one transaction, ids read back", InsertGraphBenchmark.class),
    /** Load all parents with their children. */
    W2("load 2,000 parents with their 10,000 children", LoadGraphBenchmark.class),
    /** Point reads, each in its own session. */
    W3("2,000 point reads by id, one session/transaction each, 16 in flight over a pool of 8", PointReadBenchmark.class),
    /** Load, change and commit. */
    W4("load 2,000 parents, change one field of each, commit", DirtyUpdateBenchmark.class),
    /** Stream a large result through one session. */
    W5("stream 100,000 and 1,000,000 rows through one session (raw R2DBC and Valence)", StreamBenchmark.class),
    /** A grouped aggregate. */
    W6("children per parent: count and min grouped by parent over 10,000 children (raw R2DBC and Valence)",
            ReportBenchmark.class, "childrenPerParent"),
    /** A projection of two columns. */
    W7("two columns of 10,000 children into records (raw R2DBC and Valence)", ReportBenchmark.class, "childLines"),
    /** W1 on the rich model. */
    W8("W1 on the rich model: 2,000 parents, each with an embedded address and a jsonb document, × 5 children"
            + " (raw R2DBC and Valence)", RichInsertGraphBenchmark.class),
    /** W2 on the rich model. */
    W9("W2 on the rich model: load 2,000 parents with their addresses and jsonb documents, and their 10,000 children"
            + " (raw R2DBC and Valence)", RichLoadGraphBenchmark.class);

    /** The workloads run once after the rounds of W1–W4, W8 and W9, raw R2DBC and Valence in one JMH run. */
    public static final List<Workload> AFTER_ROUNDS = List.of(W5, W6, W7);

    /** The workloads that raw R2DBC and Valence run and the other contenders do not. */
    public static final List<Workload> RAW_AND_VALENCE = List.of(W5, W6, W7, W8, W9);

    /** Each rich-model workload with the workload it repeats on the plain model, for the report's comparison. */
    public static final Map<Workload, Workload> RICH_TO_PLAIN = Map.of(W8, W1, W9, W2);

    private final String description;
    private final Class<?> benchmark;
    /** The benchmark method, when the class measures several workloads; else empty. */
    private final String method;

    Workload(String description, Class<?> benchmark) {
        this(description, benchmark, "");
    }

    Workload(String description, Class<?> benchmark, String method) {
        this.description = description;
        this.benchmark = benchmark;
        this.method = method;
    }

    /**
     * The JMH include pattern of the workload's benchmarks.
     *
     * @return a regular expression matching {@code class.method} names
     */
    public String pattern() {
        return benchmark.getName().replace(".", "\\.") + "\\." + method;
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
     * Whether {@code contender} runs this workload: every contender runs W1–W4, only raw R2DBC and
     * Valence the others.
     *
     * @param contender the contender
     * @return whether it is measured here
     */
    public boolean measures(ContenderKind contender) {
        return !RAW_AND_VALENCE.contains(this) || contender == ContenderKind.RAW || contender == ContenderKind.VALENCE;
    }

    /**
     * The workload a JMH benchmark belongs to.
     *
     * @param benchmarkMethod a JMH benchmark name, {@code class.method}
     * @return the workload, empty for a benchmark of another class
     */
    public static Optional<Workload> ofBenchmark(String benchmarkMethod) {
        return Arrays.stream(values())
                .filter(workload -> benchmarkMethod.startsWith(workload.benchmark.getName() + "." + workload.method))
                .findFirst();
    }
}
