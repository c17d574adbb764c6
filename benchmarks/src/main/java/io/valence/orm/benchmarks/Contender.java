package io.valence.orm.benchmarks;

/**
 * One library doing workloads W1–W4 on a database prepared by {@link BenchmarkDatabase}. Every
 * method does the whole operation and blocks the (JMH) caller until it is done, so that the
 * measured time is the time a user waits for it. Implementations are written as that library's
 * users would write them well.
 */
public interface Contender extends AutoCloseable {

    /**
     * W1: inserts every parent of {@code graph} with its children in one transaction and reads back
     * the generated ids.
     *
     * @param graph the values to insert
     * @return the ids now held by the inserted objects (or rows)
     */
    InsertedIds insertGraph(GraphData graph);

    /**
     * W2: loads all parents with their children, with the library's best eager strategy.
     *
     * @return what was loaded
     */
    LoadedGraph loadGraph();

    /**
     * W3: reads parents by id, each read in its own session (connection) and transaction, with
     * {@code inFlight} reads running at once.
     *
     * @param ids the ids to read, in order
     * @param inFlight reads in flight at once
     * @return how many parents were found
     */
    int pointReads(long[] ids, int inFlight);

    /**
     * W4: loads all parents, sets {@code value} of each to {@code valuePrefix + id} and commits.
     *
     * @param valuePrefix the new values' common prefix
     * @return how many parents were changed
     */
    int updateAll(String valuePrefix);

    /** Releases the library's resources (pools, factories); the database stays. */
    @Override
    void close();
}
