package io.valence.orm.benchmarks;

/**
 * One library doing W8 and W9: W1 and W2 on the rich model, whose parent has an embedded address
 * (three columns) and a {@code jsonb} document ({@link Attributes}). Raw R2DBC and Valence only.
 */
public interface RichContender extends AutoCloseable {

    /**
     * W8: inserts every parent of {@code graph}, with its address and attributes, and its children
     * in one transaction and reads back the generated ids.
     *
     * @param graph the values to insert
     * @return the ids now held by the inserted objects (or rows)
     */
    InsertedIds insertRichGraph(RichGraphData graph);

    /**
     * W9: loads all parents, their addresses and attributes (the JSON parsed into {@link Attributes})
     * with their children.
     *
     * @return what was loaded; a parent counts only when its address and attributes were loaded
     */
    LoadedGraph loadRichGraph();

    /** Releases the library's resources; the database stays. */
    @Override
    void close();
}
