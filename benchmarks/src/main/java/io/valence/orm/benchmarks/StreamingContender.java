package io.valence.orm.benchmarks;

/** One library doing W5: reading every child row through one session as a stream. */
public interface StreamingContender extends AutoCloseable {

    /**
     * Streams all rows of {@code child} through one session, one object per row, handing each
     * row's id to {@code probe}; blocks until the stream completed.
     *
     * @param probe told of every row
     * @return how many rows arrived
     */
    long streamChildren(StreamProbe probe);

    /** Releases the library's resources; the database stays. */
    @Override
    void close();
}
