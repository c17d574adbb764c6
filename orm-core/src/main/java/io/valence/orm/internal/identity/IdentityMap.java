package io.valence.orm.internal.identity;

/**
 * The objects of one session by {@link EntityKey}. Holds strong references for the session's
 * lifetime: sessions are short, and no behaviour may depend on garbage collection.
 */
public final class IdentityMap {
    private final ProbingTable<EntityKey, Object> objects = ProbingTable.byEquality();

    /**
     * Finds the object for a row.
     *
     * @param key the row
     * @return the object, or {@code null}
     */
    public Object get(EntityKey key) {
        return objects.get(key);
    }

    /**
     * Records the object for a row.
     *
     * @param key the row
     * @param entity the one object that stands for it in this session
     */
    public void put(EntityKey key, Object entity) {
        objects.put(key, entity);
    }

    /**
     * Forgets a row.
     *
     * @param key the row
     */
    public void remove(EntityKey key) {
        objects.remove(key);
    }

    /** Forgets every row. */
    public void clear() {
        objects.clear();
    }
}
