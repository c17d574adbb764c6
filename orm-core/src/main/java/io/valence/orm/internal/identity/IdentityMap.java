package io.valence.orm.internal.identity;

import java.util.Arrays;

/**
 * The objects of one session by type and id. Holds strong references for the session's
 * lifetime: sessions are short, and no behaviour may depend on garbage collection.
 *
 * <p>Each entity type has its own table keyed by id, so that a lookup, which loading does once or
 * twice per row, hashes and compares the id alone and builds no key object.
 */
public final class IdentityMap {
    private static final Class<?>[] NO_TYPES = {};
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ProbingTable<Object, Object>[] NO_TABLES = new ProbingTable[0];

    /** The types seen so far; a session touches a handful, so a scan beats a map. */
    private Class<?>[] types = NO_TYPES;
    private ProbingTable<Object, Object>[] byType = NO_TABLES;

    /**
     * Finds the object of one type with one id.
     *
     * @param type the mapped class
     * @param id the primary key value
     * @return the object, or {@code null}
     */
    public Object get(Class<?> type, Object id) {
        ProbingTable<Object, Object> objects = tableOf(type);
        return objects == null ? null : objects.get(id);
    }

    /**
     * Records the object for a row. Right after a {@link #get} of the same id that found nothing,
     * it costs no second probe.
     *
     * @param type the mapped class
     * @param id the primary key value
     * @param entity the one object that stands for it in this session
     */
    public void put(Class<?> type, Object id, Object entity) {
        ProbingTable<Object, Object> objects = tableOf(type);
        if (objects == null) {
            objects = ProbingTable.byEquality();
            types = Arrays.copyOf(types, types.length + 1);
            byType = Arrays.copyOf(byType, byType.length + 1);
            types[types.length - 1] = type;
            byType[byType.length - 1] = objects;
        }
        objects.put(id, entity);
    }

    /**
     * Forgets a row's object.
     *
     * @param type the mapped class
     * @param id the primary key value
     */
    public void remove(Class<?> type, Object id) {
        ProbingTable<Object, Object> objects = tableOf(type);
        if (objects != null) {
            objects.remove(id);
        }
    }

    /** Forgets every object. */
    public void clear() {
        types = NO_TYPES;
        byType = NO_TABLES;
    }

    private ProbingTable<Object, Object> tableOf(Class<?> type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return byType[i];
            }
        }
        return null;
    }
}
