package io.valence.orm.benchmarks;

/**
 * The ids read back by W1.
 *
 * @param parentIds one per inserted parent
 * @param childIds one per inserted child
 */
public record InsertedIds(long[] parentIds, long[] childIds) {

    /**
     * Checks that the ids match the graph: one positive id per parent and per child.
     *
     * @param graph what was inserted
     * @return this
     * @throws IllegalStateException when an id is missing
     */
    public InsertedIds check(GraphData graph) {
        requireIds("parent", parentIds, graph.parentCount());
        requireIds("child", childIds, graph.childCount());
        return this;
    }

    private static void requireIds(String role, long[] ids, int expected) {
        if (ids.length != expected) {
            throw new IllegalStateException("expected " + expected + " " + role + " ids, got " + ids.length);
        }
        for (long id : ids) {
            if (id <= 0) {
                throw new IllegalStateException("a " + role + " has no generated id: " + id);
            }
        }
    }
}
