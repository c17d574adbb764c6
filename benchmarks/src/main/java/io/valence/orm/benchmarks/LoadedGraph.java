package io.valence.orm.benchmarks;

/**
 * What W2 loaded, counted from the objects the contender built.
 *
 * @param parents parents loaded
 * @param children children reachable from those parents' collections
 */
public record LoadedGraph(int parents, int children) {

    /**
     * Checks the counts against the seeded sizes.
     *
     * @param sizes what the database was seeded with
     * @return this
     * @throws IllegalStateException when a parent or child is missing
     */
    public LoadedGraph check(Sizes sizes) {
        if (parents != sizes.parents() || children != sizes.children()) {
            throw new IllegalStateException("expected " + sizes.parents() + " parents with " + sizes.children()
                    + " children, loaded " + parents + " with " + children);
        }
        return this;
    }
}
