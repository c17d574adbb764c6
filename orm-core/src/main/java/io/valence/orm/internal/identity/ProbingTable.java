package io.valence.orm.internal.identity;

/**
 * A hash table for the session's per-row bookkeeping: open addressing with linear probing, like
 * {@link java.util.IdentityHashMap}, but it keeps each key's hash beside it and grows four-fold.
 * Growing then reads three arrays in order instead of every key object (or every
 * {@link java.util.HashMap} node), and happens half as often; growth was the largest single cost of
 * loading ten thousand rows into a session. Keys compare by identity or by {@code equals}, as the
 * factory chose. Not thread-safe; a session is used by one operation at a time.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ProbingTable<K, V> {
    private static final int INITIAL_CAPACITY = 32;
    private static final Object[] NO_OBJECTS = {};
    private static final int[] NO_HASHES = {};

    private final boolean byIdentity;
    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    private int size;

    private ProbingTable(boolean byIdentity) {
        this.byIdentity = byIdentity;
        clear();
    }

    /**
     * A table whose keys are the same only when they are the same object (entities may override
     * {@code equals}).
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return an empty table
     */
    public static <K, V> ProbingTable<K, V> byIdentity() {
        return new ProbingTable<>(true);
    }

    /**
     * A table whose keys are the same when they are {@code equals}.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return an empty table
     */
    public static <K, V> ProbingTable<K, V> byEquality() {
        return new ProbingTable<>(false);
    }

    /**
     * The value of a key.
     *
     * @param key any object
     * @return its value, or {@code null} when the table does not hold it
     */
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (size == 0) {
            return null; // also the table without arrays
        }
        int hash = hash(key);
        int mask = keys.length - 1;
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            Object stored = keys[i];
            if (stored == null) {
                return null;
            }
            if (hashes[i] == hash && matches(stored, key)) {
                return (V) values[i];
            }
        }
    }

    /**
     * Records the value of a key, replacing any earlier one.
     *
     * @param key the key
     * @param value its value, not {@code null}
     * @return the value replaced, or {@code null} when the key is new
     */
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        if (keys.length == 0) {
            allocate(INITIAL_CAPACITY);
        }
        int hash = hash(key);
        int mask = keys.length - 1;
        int i = slot(hash, mask);
        while (keys[i] != null) {
            if (hashes[i] == hash && matches(keys[i], key)) {
                V replaced = (V) values[i];
                values[i] = value;
                return replaced;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = hash;
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /**
     * Forgets a key. Later entries of its probe run move back into the gap, so lookups never stop
     * early at it (the same backward shift as {@code IdentityHashMap.closeDeletion}).
     *
     * @param key the key
     * @return the value it had, or {@code null} when the table did not hold it
     */
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (size == 0) {
            return null;
        }
        int hash = hash(key);
        int mask = keys.length - 1;
        int gap = slot(hash, mask);
        while (!(hashes[gap] == hash && keys[gap] != null && matches(keys[gap], key))) {
            if (keys[gap] == null) {
                return null;
            }
            gap = (gap + 1) & mask;
        }
        V removed = (V) values[gap];
        size--;
        for (int i = (gap + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
            int home = slot(hashes[i], mask);
            // the entry at i may fill the gap when its home slot does not lie in (gap, i]
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                hashes[gap] = hashes[i];
                gap = i;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        return removed;
    }

    /** @return how many keys the table holds */
    public int size() {
        return size;
    }

    /**
     * Forgets every key. The table lets its arrays go and allocates small ones at the next put:
     * emptying grown arrays costs as much as growing them, and a session is cleared at every
     * rollback and close, often never to be used again.
     */
    public void clear() {
        keys = NO_OBJECTS;
        values = NO_OBJECTS;
        hashes = NO_HASHES;
        size = 0;
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
    }

    /** Quadruples the capacity; at a load of one half before, one eighth after. */
    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        allocate(oldKeys.length * 4);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    private int hash(Object key) {
        return byIdentity ? System.identityHashCode(key) : key.hashCode();
    }

    private boolean matches(Object stored, Object key) {
        return stored == key || !byIdentity && stored.equals(key);
    }

    /** Spreads the hash over the table (Fibonacci hashing), as the low bits of hashes cluster. */
    private static int slot(int hash, int mask) {
        return (hash * 0x9E3779B9 >>> 7) & mask;
    }
}
