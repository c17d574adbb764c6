package io.valence.orm.internal.identity;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The objects of one session by type and id. Holds strong references for the session's
 * lifetime: sessions are short, and no behaviour may depend on garbage collection.
 *
 * <p>Each entity type has its own table keyed by id, so that a lookup, which loading does once or
 * twice per row, hashes and compares the id alone and builds no key object. The classes of an
 * inheritance hierarchy share their root's table, so that a row has one object whichever class
 * looks it up.
 */
public final class IdentityMap {
    private static final Class<?>[] NO_TYPES = {};
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ProbingTable<Object, Object>[] NO_TABLES = new ProbingTable[0];

    /** The types seen so far; a session touches a handful, so a scan beats a map. */
    private Class<?>[] types = NO_TYPES;
    private ProbingTable<Object, Object>[] byType = NO_TABLES;
    /** The class whose table a class shares: its hierarchy's root, or itself. */
    private final UnaryOperator<Class<?>> keyType;

    /** A map in which every class has a table of its own. */
    public IdentityMap() {
        this(UnaryOperator.identity());
    }

    /**
     * A map in which classes share the table of the class {@code keyType} gives.
     *
     * @param keyType the class that keys a class's objects (a hierarchy's root)
     */
    public IdentityMap(UnaryOperator<Class<?>> keyType) {
        this.keyType = keyType;
    }

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
        if (objects == null) { // tableOf found no table for the class nor for its key class
            Class<?> key = keyType.apply(type);
            objects = ProbingTable.byEquality();
            register(key, objects);
            if (key != type) {
                register(type, objects);
            }
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

    private void register(Class<?> type, ProbingTable<Object, Object> objects) {
        types = Arrays.copyOf(types, types.length + 1);
        byType = Arrays.copyOf(byType, byType.length + 1);
        types[types.length - 1] = type;
        byType[byType.length - 1] = objects;
    }

    /** The table of a class: found by a scan, else its key class's, which is then registered for it too. */
    private ProbingTable<Object, Object> tableOf(Class<?> type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return byType[i];
            }
        }
        Class<?> key = keyType.apply(type);
        ProbingTable<Object, Object> shared = key == type ? null : tableOf(key);
        if (shared != null) {
            register(type, shared);
        }
        return shared;
    }
}
