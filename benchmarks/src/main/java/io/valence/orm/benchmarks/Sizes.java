package io.valence.orm.benchmarks;

/**
 * How big one workload is: the sizes for real runs, tiny ones for the smoke test.
 *
 * @param parents parents inserted (W1), loaded (W2, W4) and the id range of point reads (W3)
 * @param childrenPerParent children of every parent
 * @param pointReads point reads per W3 operation, each in its own session and transaction
 * @param inFlight point reads in flight at once (W3)
 * @param poolSize connections in every contender's pool
 */
public record Sizes(int parents, int childrenPerParent, int pointReads, int inFlight, int poolSize) {

    /** The sizes of issue 8: 2,000 parents × 5 children, 2,000 reads, 16 in flight over 8 connections. */
    public static final Sizes STANDARD = new Sizes(2_000, 5, 2_000, 16, 8);

    /**
     * Checks that every size is positive.
     *
     * @param parents parents
     * @param childrenPerParent children of every parent
     * @param pointReads point reads per operation
     * @param inFlight point reads in flight
     * @param poolSize connections per pool
     */
    public Sizes {
        if (parents < 1 || childrenPerParent < 1 || pointReads < 1 || inFlight < 1 || poolSize < 1) {
            throw new IllegalArgumentException("every size must be positive: " + this);
        }
    }

    /**
     * Sizes with {@code parents} parents and as many point reads, the rest as {@link #STANDARD}.
     *
     * @param parents parents and point reads
     * @return the sizes
     */
    public static Sizes withParents(int parents) {
        return new Sizes(parents, STANDARD.childrenPerParent, parents, STANDARD.inFlight, STANDARD.poolSize);
    }

    /**
     * Children in the whole graph.
     *
     * @return {@code parents * childrenPerParent}
     */
    public int children() {
        return parents * childrenPerParent;
    }
}
