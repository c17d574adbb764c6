package io.valence.orm.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset (seek) pagination: the rows of the page, in the query's order, and the key
 * that the next page starts after, if there are rows after this page. Returned by a session's
 * {@code page(select, size[, key])}.
 *
 * <pre>{@code
 * Select<Child> byValue = Select.from(Child.class).orderBy(Order.desc("value"), Order.asc("id"));
 * Mono<Page<Child>> second = session.page(byValue, 100)
 *         .flatMap(first -> first.next().map(key -> session.page(byValue, 100, key)).orElse(Mono.empty()));
 * }</pre>
 *
 * @param items the rows of the page, at most the page size
 * @param nextKey where the next page starts, or null when this page is the last
 * @param <T> the entity type
 */
public record Page<T>(List<T> items, PageKey nextKey) {

    /**
     * Checks and copies the rows.
     *
     * @param items the rows; copied
     * @param nextKey the next page's key, or null for the last page
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
    }

    /**
     * The key the next page starts after, empty on the last page.
     *
     * @return the key
     */
    public Optional<PageKey> next() {
        return Optional.ofNullable(nextKey);
    }

    /**
     * Whether rows follow this page.
     *
     * @return true when {@link #nextKey()} is not null
     */
    public boolean hasNext() {
        return nextKey != null;
    }
}
