package io.valence.orm.internal.load;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Passes each object once, by identity: a filter join ({@code Select.join}) through a collection
 * returns a root row once per matching element, and the caller gets each root once, on its first
 * row. One per streamed result, since it remembers every root it passed.
 */
public final class DistinctRoots implements Predicate<Object> {
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    /** A filter that has seen nothing yet. */
    public DistinctRoots() {}

    /**
     * @param root a root object
     * @return {@code true} the first time it is seen, {@code false} after
     */
    @Override
    public boolean test(Object root) {
        return seen.put(root, Boolean.TRUE) == null;
    }
}
