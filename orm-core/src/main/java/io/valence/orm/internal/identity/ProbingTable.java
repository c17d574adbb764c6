package io.valence.orm.internal.identity;

/**
 * A hash table for the session's per-row bookkeeping: open addressing with linear probing, like
 * {@link java.util.IdentityHashMap}, but it keeps each key's code beside it and grows four-fold.
 * Growing then reads three arrays in order instead of every key object (or every
 * {@link java.util.HashMap} node), and happens half as often; growth was the largest single cost of
 * loading ten thousand rows into a session. Keys compare by identity or by {@code equals}, as the
 * factory chose.
 *
 * <p>Two habits of loading shape the rest. Ids are mostly {@code Long}s, and a {@code Long}'s code
 * is its value, so while an {@code equals} table holds only {@code Long}s, a probe compares codes
 * and never reads the key objects (each read of one was a cache miss per row). And a new row's
 * object is put right after a get that missed its id, so that put takes the slot the get stopped at
 * instead of probing again. Not thread-safe; a session is used by one operation at a time.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ProbingTable<K, V> {
    private static final int INITIAL_CAPACITY = 32;
    private static final Object[] NO_OBJECTS = {};
    private static final long[] NO_CODES = {};

    private final boolean byIdentity;
    private Object[] keys;
    /** Never {@code null} in a used slot, so an empty slot is one without a value. */
    private Object[] values;
    private long[] codes;
    private int size;
    /** Whether every key is a {@code Long}, whose code then says whether it is equal. */
    private boolean longsOnly;
    /** The key of the last get that missed, and its probe's result ({@link #indexOf}), until the table changes. */
    private Object missedKey;
    private int missedProbe;

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
        int i = indexOf(key, code(key));
        if (i < 0) {
            missedKey = key;
            missedProbe = i;
            return null;
        }
        return (V) values[i];
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
        if (values.length == 0) {
            allocate(INITIAL_CAPACITY);
        }
        long code = code(key);
        // nothing changed since the get that missed this key stopped at its empty slot
        int i = key == missedKey ? missedProbe : indexOf(key, code);
        if (i >= 0) {
            V replaced = (V) values[i];
            values[i] = value;
            return replaced;
        }
        i = ~i;
        missedKey = null;
        longsOnly &= key instanceof Long;
        keys[i] = key;
        values[i] = value;
        codes[i] = code;
        if (++size * 2 > values.length) {
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
        missedKey = null;
        int gap = indexOf(key, code(key));
        if (gap < 0) {
            return null;
        }
        int mask = values.length - 1;
        V removed = (V) values[gap];
        size--;
        for (int i = (gap + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = slot(codes[i], mask);
            // the entry at i may fill the gap when its home slot does not lie in (gap, i]
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                codes[gap] = codes[i];
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
        codes = NO_CODES;
        size = 0;
        longsOnly = !byIdentity;
        missedKey = null;
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new Object[capacity];
        codes = new long[capacity];
    }

    /** Quadruples the capacity; at a load of one half before, one eighth after. */
    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        long[] oldCodes = codes;
        allocate(oldValues.length * 4);
        int mask = values.length - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldCodes[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                codes[i] = oldCodes[j];
            }
        }
    }

    /**
     * Probes for a key in a table with arrays.
     *
     * @return the key's slot, or {@code ~slot} of the empty slot where the probe stopped
     */
    private int indexOf(Object key, long code) {
        boolean codeDecides = longsOnly && key instanceof Long;
        int mask = values.length - 1;
        for (int i = slot(code, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                return ~i;
            }
            if (codes[i] == code && (codeDecides || matches(keys[i], key))) {
                return i;
            }
        }
    }

    /** A {@code Long}'s value, else the key's hash: equal keys have equal codes. */
    private long code(Object key) {
        if (byIdentity) {
            return System.identityHashCode(key);
        }
        return key instanceof Long id ? id : key.hashCode();
    }

    private boolean matches(Object stored, Object key) {
        return stored == key || !byIdentity && stored.equals(key);
    }

    /**
     * The home slot of a code. Codes that differ only in their low four bits (sixteen ids in a row)
     * get neighbouring slots, so loading rows in id order fills the arrays one cache line after
     * another; the rest of the code is spread over the table (Fibonacci hashing), so ids with a
     * stride, and hashes whose low bits cluster, still scatter.
     */
    private static int slot(long code, int mask) {
        int hash = (int) (code ^ code >>> 32);
        return ((hash >>> 4) * 0x9E3779B9 >>> 3 & ~15 | hash & 15) & mask;
    }
}
