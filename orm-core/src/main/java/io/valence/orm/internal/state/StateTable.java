package io.valence.orm.internal.state;

import io.valence.orm.internal.identity.ProbingTable;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The states of a session's objects, by object identity (never {@code equals}, which entities may
 * override), in a {@link ProbingTable}. The states also sit in an array in the order they were
 * added, which {@link #values()} follows: iterating is a dense scan, and a flush sees objects in the
 * order the session met them (rows loaded in key order sort in one pass). Not thread-safe; a session
 * is used by one operation at a time.
 */
public final class StateTable {
    private static final int INITIAL_ORDER = 16;

    private final ProbingTable<Object, EntityState> byObject = ProbingTable.byIdentity();
    /** The states in the order they were added, with {@code null} where one was removed. */
    private EntityState[] inOrder = new EntityState[INITIAL_ORDER];
    private int added;

    /**
     * The state of an object.
     *
     * @param entity any object
     * @return its state, or {@code null} when the table does not hold it
     */
    public EntityState get(Object entity) {
        return byObject.get(entity);
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
        EntityState replaced = byObject.put(entity, state);
        if (replaced == null) {
            append(state);
            return;
        }
        state.tablePosition = replaced.tablePosition;
        replaced.tablePosition = -1;
        inOrder[state.tablePosition] = state;
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
        if (size() * 2 > added) {
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
     * Forgets an object.
     *
     * @param entity the object
     */
    public void remove(Object entity) {
        EntityState removed = byObject.remove(entity);
        if (removed != null) {
            inOrder[removed.tablePosition] = null;
            removed.tablePosition = -1;
        }
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
        return byObject.size();
    }

    /** Forgets every object, keeping the capacity the session grew to. */
    public void clear() {
        for (int i = 0; i < added; i++) {
            if (inOrder[i] != null) {
                inOrder[i].tablePosition = -1;
            }
        }
        byObject.clear();
        Arrays.fill(inOrder, 0, added, null);
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
                return StateTable.this.size();
            }
        };
    }
}
