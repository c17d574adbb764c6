package io.valence.orm.benchmarks;

/**
 * One library doing W6 and W7, the queries of a dashboard and a list screen: values rather than
 * entities, over the children of the standard graph. Raw R2DBC and Valence only.
 */
public interface ReportingContender extends AutoCloseable {

    /**
     * W6: children per parent, {@code count(*)} and {@code min(value)} grouped by the parent, in one
     * statement and one transaction.
     *
     * @return the sum of the counts, which is the number of children
     */
    long childrenPerParent();

    /**
     * W7: two columns ({@code id}, {@code value}) of every child, into a small record each.
     *
     * @return how many rows arrived
     */
    long childLines();

    /** Releases the library's resources; the database stays. */
    @Override
    void close();
}
