package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where the next page of a keyset (seek) pagination starts: the values that the ordering of the query
 * takes in the last row of the previous page, one per order term, most significant first. A session's
 * {@code page(select, size)} hands one out with each {@link Page} that has a successor; pass it to
 * {@code page(select, size, key)} for the rows that follow it. A web service can send the values to
 * its client and rebuild the key with {@link #of(Object...)}.
 *
 * <p>The key holds values, not a position: rows inserted or deleted between two pages neither shift
 * nor repeat the rows that follow it. {@code toString()} leaves the values out (they may be secrets).
 *
 * @param values the ordering's values in the last row, in order-term order; an element may be null
 *     for a nullable column
 */
public record PageKey(List<Object> values) {

    /**
     * Checks and copies the values.
     *
     * @param values at least one value (elements may be null); copied
     */
    public PageKey {
        Objects.requireNonNull(values, "values must not be null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a page key holds one value per order term, so at least one");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * A key of the given values, one per order term of the query it continues.
     *
     * @param values the values, most significant first
     * @return the key
     */
    public static PageKey of(Object... values) {
        Objects.requireNonNull(values, "values must not be null");
        return new PageKey(Arrays.asList(values));
    }

    /** Leaves the values out, which may be secrets; their number stays. */
    @Override
    public String toString() {
        return "PageKey[" + values.size() + " values]";
    }
}
