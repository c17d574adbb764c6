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
 * order the session met them (rows loaded in key order sort in one pass). Objects a load has just
 * created ({@link #putNew}) go into the hash table only when something first looks an object up:
 * a read that ends in a rollback never computes their identity hashes. Not thread-safe; a session
 * is used by one operation at a time.
 */
public final class StateTable {
    private static final int INITIAL_ORDER = 16;
    private static final EntityState[] NO_STATES = {};

    private final ProbingTable<Object, EntityState> byObject = ProbingTable.byIdentity();
    /** The states in the order they were added, with {@code null} where one was removed. */
    private EntityState[] inOrder = NO_STATES;
    private int added;
    /** The states before this position in {@link #inOrder} are in {@link #byObject}. */
    private int indexed;

    /**
     * The state of an object.
     *
     * @param entity any object
     * @return its state, or {@code null} when the table does not hold it
     */
    public EntityState get(Object entity) {
        index();
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
        index();
        EntityState replaced = byObject.put(entity, state);
        if (replaced == null) {
            append(state);
            indexed = added;
            return;
        }
        state.tablePosition = replaced.tablePosition;
        inOrder[state.tablePosition] = state;
    }

    /**
     * Records the state of an object that no table can hold yet, because the caller has just created
     * it. It is indexed by identity when something first looks an object up.
     *
     * @param state the state of a new object
     */
    public void putNew(EntityState state) {
        append(state);
    }

    /** Puts the states added by {@link #putNew} since the last lookup into the hash table. */
    private void index() {
        for (; indexed < added; indexed++) {
            EntityState state = inOrder[indexed];
            if (state != null) {
                byObject.put(state.entity(), state);
            }
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
        if ((size() + 1) * 2 > added) { // counting the state being appended
            inOrder = Arrays.copyOf(inOrder, Math.max(INITIAL_ORDER, inOrder.length * 2));
            return;
        }
        index(); // positions move: every state is indexed first, so that all before `kept` are
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
        indexed = kept;
    }

    /**
     * Forgets an object.
     *
     * @param entity the object
     */
    public void remove(Object entity) {
        index();
        EntityState removed = byObject.remove(entity);
        if (removed != null) {
            inOrder[removed.tablePosition] = null;
        }
    }

    /**
     * Whether a state is the one this table holds for its object, without a lookup: a state that was
     * removed, replaced or cleared away no longer is.
     *
     * @param state a state this table held at some point
     * @return {@code true} while the table holds it
     */
    public boolean holds(EntityState state) {
        int position = state.tablePosition;
        return position >= 0 && position < added && inOrder[position] == state;
    }

    /** @return how many objects the table holds */
    public int size() {
        return byObject.size() + added - indexed; // states not yet indexed are never removed ones
    }

    /**
     * Forgets every object. The states are not touched (a rollback or close would otherwise read
     * every one of them again): {@link #holds} checks its answer against the order array. The
     * arrays are let go, as with {@link ProbingTable#clear()}.
     */
    public void clear() {
        byObject.clear();
        inOrder = NO_STATES;
        added = 0;
        indexed = 0;
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
