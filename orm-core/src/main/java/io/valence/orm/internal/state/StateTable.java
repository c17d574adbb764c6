package io.valence.orm.internal.state;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The states of a session's objects, by object identity (never {@code equals}, which entities may
 * override). An open-addressing table with linear probing, like {@link java.util.IdentityHashMap},
 * but it keeps each key's identity hash beside it and grows four-fold: growing then reads three
 * arrays in order instead of every tracked object's header, and happens half as often. Growth was
 * the largest single cost of loading ten thousand rows into a session. The states also sit in an
 * array in the order they were added, which {@link #values()} follows: iterating is a dense scan,
 * and a flush sees objects in the order the session met them (rows loaded in key order sort in
 * one pass). Not thread-safe; a session is used by one operation at a time.
 */
public final class StateTable {
    private static final int INITIAL_CAPACITY = 32;

    private Object[] keys = new Object[INITIAL_CAPACITY];
    private EntityState[] states = new EntityState[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;
    /** The states in the order they were added, with {@code null} where one was removed. */
    private EntityState[] inOrder = new EntityState[INITIAL_CAPACITY / 2];
    private int added;

    /**
     * The state of an object.
     *
     * @param entity any object
     * @return its state, or {@code null} when the table does not hold it
     */
    public EntityState get(Object entity) {
        int mask = keys.length - 1;
        for (int i = slot(hash(entity), mask); ; i = (i + 1) & mask) {
            Object key = keys[i];
            if (key == entity) {
                return states[i];
            }
            if (key == null) {
                return null;
            }
        }
    }

    /**
     * Whether the table holds an object.
     *
     * @param entity any object
     * @return {@code true} when it has a state here
     */
    public boolean containsKey(Object entity) {
        return get(entity) != null;
    }

    /**
     * Records an object's state, replacing any earlier one.
     *
     * @param entity the object
     * @param state its state
     */
    public void put(Object entity, EntityState state) {
        int hash = hash(entity);
        int mask = keys.length - 1;
        int i = slot(hash, mask);
        while (keys[i] != null) {
            if (keys[i] == entity) {
                state.tablePosition = states[i].tablePosition;
                states[i].tablePosition = -1;
                inOrder[state.tablePosition] = state;
                states[i] = state;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = entity;
        states[i] = state;
        hashes[i] = hash;
        append(state);
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void append(EntityState state) {
        if (added == inOrder.length) {
            compactOrGrowOrder();
        }
        state.tablePosition = added;
        inOrder[added++] = state;
    }

    /** Closes the gaps removals left when they are at least half the array, else doubles it. */
    private void compactOrGrowOrder() {
        if (size * 2 > added) {
            inOrder = Arrays.copyOf(inOrder, inOrder.length * 2);
            return;
        }
        int kept = 0;
        for (int i = 0; i < added; i++) {
            EntityState state = inOrder[i];
            if (state != null) {
                state.tablePosition = kept;
                inOrder[kept++] = state;
            }
        }
        Arrays.fill(inOrder, kept, added, null);
        added = kept;
    }

    /**
     * Forgets an object. Later entries of its probe run move back into the gap, so lookups never
     * stop early at it (the same backward shift as {@code IdentityHashMap.closeDeletion}).
     *
     * @param entity the object
     */
    public void remove(Object entity) {
        int mask = keys.length - 1;
        int gap = slot(hash(entity), mask);
        while (keys[gap] != entity) {
            if (keys[gap] == null) {
                return;
            }
            gap = (gap + 1) & mask;
        }
        size--;
        inOrder[states[gap].tablePosition] = null;
        states[gap].tablePosition = -1;
        for (int i = (gap + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
            int home = slot(hashes[i], mask);
            // the entry at i may fill the gap when its home slot does not lie in (gap, i]
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                states[gap] = states[i];
                hashes[gap] = hashes[i];
                gap = i;
            }
        }
        keys[gap] = null;
        states[gap] = null;
    }

    /**
     * Whether a state is the one this table holds for its object, without a lookup: a state that was
     * removed or replaced no longer is.
     *
     * @param state a state this table held at some point
     * @return {@code true} while the table holds it
     */
    public boolean holds(EntityState state) {
        return state.tablePosition >= 0;
    }

    /** @return how many objects the table holds */
    public int size() {
        return size;
    }

    /** Forgets every object, keeping the capacity the session grew to. */
    public void clear() {
        for (int i = 0; i < added; i++) {
            if (inOrder[i] != null) {
                inOrder[i].tablePosition = -1;
            }
        }
        Arrays.fill(keys, null);
        Arrays.fill(states, null);
        Arrays.fill(inOrder, 0, added, null);
        size = 0;
        added = 0;
    }

    /**
     * The states, as a live view in the order they were added. It must not be iterated while the
     * table changes.
     *
     * @return the states
     */
    public Collection<EntityState> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<EntityState> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < added && inOrder[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < added;
                    }

                    @Override
                    public EntityState next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        EntityState state = inOrder[next];
                        next = advance(next + 1);
                        return state;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Quadruples the capacity; at a load of one half before, one eighth after. */
    private void grow() {
        Object[] oldKeys = keys;
        EntityState[] oldStates = states;
        int[] oldHashes = hashes;
        int length = oldKeys.length * 4;
        keys = new Object[length];
        states = new EntityState[length];
        hashes = new int[length];
        int mask = length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                states[i] = oldStates[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    private static int hash(Object entity) {
        return System.identityHashCode(entity);
    }

    /** Spreads the identity hash over the table (Fibonacci hashing), as its low bits cluster. */
    private static int slot(int hash, int mask) {
        return (hash * 0x9E3779B9 >>> 7) & mask;
    }
}
