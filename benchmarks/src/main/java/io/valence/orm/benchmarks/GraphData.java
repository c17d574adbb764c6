package io.valence.orm.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The parent/child values every contender inserts in W1 and the database is seeded with for
 * W2–W4: parent {@code i} has value {@code parent-i} and children {@code child-i-j}. Contenders
 * turn it into their own objects inside the measured operation, as a user's code would.
 *
 * @param parentValues value of each parent, in order
 * @param childValues values of each parent's children, parallel to {@code parentValues}
 */
public record GraphData(List<String> parentValues, List<List<String>> childValues) {

    /**
     * Copies both lists.
     *
     * @param parentValues value of each parent
     * @param childValues values of each parent's children
     */
    public GraphData {
        parentValues = List.copyOf(parentValues);
        childValues = childValues.stream().map(List::copyOf).toList();
        if (parentValues.size() != childValues.size()) {
            throw new IllegalArgumentException("one list of children per parent");
        }
    }

    /**
     * The graph of {@code sizes}.
     *
     * @param sizes how many parents and children per parent
     * @return the values
     */
    public static GraphData of(Sizes sizes) {
        List<String> parents = new ArrayList<>(sizes.parents());
        List<List<String>> children = new ArrayList<>(sizes.parents());
        for (int parent = 1; parent <= sizes.parents(); parent++) {
            parents.add("parent-" + parent);
            List<String> values = new ArrayList<>(sizes.childrenPerParent());
            for (int child = 1; child <= sizes.childrenPerParent(); child++) {
                values.add("child-" + parent + "-" + child);
            }
            children.add(values);
        }
        return new GraphData(parents, children);
    }

    /**
     * Parents in the graph.
     *
     * @return the number of parents
     */
    public int parentCount() {
        return parentValues.size();
    }

    /**
     * Children in the graph.
     *
     * @return the number of children
     */
    public int childCount() {
        return childValues.stream().mapToInt(List::size).sum();
    }
}
