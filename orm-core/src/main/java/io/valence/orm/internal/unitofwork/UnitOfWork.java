package io.valence.orm.internal.unitofwork;

import io.valence.orm.MappingException;
import io.valence.orm.internal.identity.IdentityMap;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IdGeneration;
import io.valence.orm.internal.mapping.InheritanceMapping;
import io.valence.orm.internal.mapping.KeyErrors;
import io.valence.orm.internal.mapping.LifecycleCallbacks;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.ColumnValues;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.StateTable;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.state.UnloadedCollection;
import java.util.Collection;
import java.util.List;

/**
 * The objects one session tracks, and what happens to them without I/O: add with cascade, delete
 * with cascade, expunge, loading rows through the identity map, and the bookkeeping after a flush,
 * commit or rollback. The session does the I/O around it. The cascades ({@link SaveCascade},
 * {@link DeleteCascade}), the row switch ({@link RowSwitch}) and the undo of a rollback
 * ({@link Rollback}) are its parts, composed.
 */
public final class UnitOfWork {
    private final Metamodel metamodel;
    private final ColumnValues values;
    private final IdentityMap identityMap;
    private final StateTable states = new StateTable();
    private final TransactionJournal journal = new TransactionJournal();
    private long sequence;
    private final LifecycleEvents events = new LifecycleEvents();
    private final RowSwitch rowSwitch;
    private final Rollback rollback;
    private final SaveCascade saveCascade;

    /**
     * Creates an empty unit of work.
     *
     * @param metamodel the factory's mappings
     */
    public UnitOfWork(Metamodel metamodel) {
        this.metamodel = metamodel;
        this.identityMap = new IdentityMap(type -> metamodel.entity(type).identityType());
        this.values = new ColumnValues(metamodel);
        this.rowSwitch = new RowSwitch(this, identityMap);
        this.rollback = new Rollback(this, states, identityMap);
        this.saveCascade = new SaveCascade(this);
    }

    /** @return the factory's mappings */
    public Metamodel metamodel() {
        return metamodel;
    }

    /** @return reads current column values of tracked objects */
    public ColumnValues values() {
        return values;
    }

    /**
     * The state of a tracked object.
     *
     * @param entity any object
     * @return its state, or {@code null} when this session does not track it
     */
    public EntityState state(Object entity) {
        return states.get(entity);
    }

    /**
     * Whether the object is pending, persistent or marked deleted in this session.
     *
     * @param entity any object
     * @return {@code true} when tracked
     */
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /**
     * Whether a state is still the one this session tracks for its object; cheaper than
     * {@link #contains} for code that already holds the state.
     *
     * @param state a state of this session's, possibly from before it was expunged or deleted
     * @return {@code true} while tracked
     */
    public boolean isTracked(EntityState state) {
        return states.holds(state);
    }

    /**
     * Finds the object of a row without I/O.
     *
     * @param mapping the entity
     * @param id the primary key value
     * @return the tracked object, or {@code null}
     */
    public Object find(EntityMapping mapping, Object id) {
        Object found = identityMap.get(mapping.type(), id);
        return mapping.type().isInstance(found) ? found : null; // a hierarchy's row may be of another subclass
    }

    /** @return every tracked state, in no particular order */
    public Collection<EntityState> states() {
        return states.values();
    }

    /**
     * Makes an object pending, and along its relationships every new object it refers to
     * (SQLAlchemy's save-update cascade). Adding a deleted object undoes the delete.
     *
     * @param entity the object
     * @throws MappingException when its class is not mapped
     * @throws IllegalArgumentException when the object is detached: not tracked, but holding an id
     *     the database generated (adding it would insert its row a second time)
     */
    public void add(Object entity) {
        saveCascade.add(entity);
    }

    /** Starts tracking one new object as pending, without cascading; the save cascade calls it per object. */
    EntityState track(Object entity) {
        EntityMapping mapping = metamodel.entity(entity.getClass());
        Object id = mapping.idOf(entity);
        if (id == null && mapping.key().isComposite()) {
            throw KeyErrors.partMissingAtAdd(mapping, mapping.key().parts().stream()
                    .filter(part -> part.accessor().get(entity) == null).findFirst().orElseThrow());
        }
        if (id != null && !mapping.idGeneration().isAutomatic()) {
            rowSwitch.claimSlot(mapping, id);
        }
        if (id == null && mapping.idGeneration().strategy() == IdGeneration.Strategy.UUID) {
            mapping.id().accessor().set(entity, metamodel.newUuid());
        }
        EntityState state = new EntityState(entity, mapping, Status.PENDING, sequence++);
        state.allLoaded();
        states.put(entity, state);
        try {
            fire(LifecycleCallbacks.Event.PRE_PERSIST, state);
        } catch (RuntimeException | Error e) {
            forget(state); // a failed @PrePersist leaves the object out of the session, as if add() was not called
            throw e;
        }
        return state;
    }

    /** @return the row switch, which the flush's change collection completes */
    RowSwitch rowSwitch() {
        return rowSwitch;
    }

    /** @return the callbacks' runner, which knows the callback running now */
    public LifecycleEvents events() {
        return events;
    }

    private void fire(LifecycleCallbacks.Event event, EntityState state) {
        events.fire(event, state);
    }

    /**
     * The save-update cascade at flush time: adds every untracked object that the given objects'
     * relationships now refer to (assigned or appended since they were added or loaded), in one pass.
     *
     * @param tracked the objects to start from
     */
    public void cascadeFrom(EntityState[] tracked) {
        saveCascade.from(tracked);
    }

    /**
     * Marks an object for deletion at the next flush, with the objects its {@code cascade = REMOVE}
     * relationships hold. A pending object is simply no longer inserted.
     *
     * @param entity a tracked object
     * @return the relationships whose cascade could not be followed because they were not loaded;
     *     the session loads them and calls {@link #cascadeDelete} again
     * @throws IllegalArgumentException when the object is not in this session
     */
    public List<Unloaded> delete(Object entity) {
        EntityState state = states.get(entity);
        if (state == null) {
            EntityMapping mapping = metamodel.entity(entity.getClass());
            throw new IllegalArgumentException(describe(mapping, entity) + " is not in this session, so it cannot be"
                    + " deleted; load it with session.get(…) or session.merge(…) first");
        }
        return new DeleteCascade(this).delete(state);
    }

    /**
     * Follows the remove cascade of a relationship that has just been loaded.
     *
     * @param unloaded a relationship {@link #delete} could not follow
     * @return relationships further down that are not loaded either
     */
    public List<Unloaded> cascadeDelete(Unloaded unloaded) {
        return new DeleteCascade(this).along(unloaded);
    }

    /**
     * A relationship of a tracked object that must be loaded before the work can go on.
     *
     * @param state the object
     * @param relationship its relationship that is not loaded
     */
    public record Unloaded(EntityState state, RelationshipMapping relationship) {}

    /**
     * Stops tracking an object (it becomes detached). Relationships are not followed.
     *
     * @param entity a tracked object
     * @throws IllegalArgumentException when the object is not in this session
     */
    public void expunge(Object entity) {
        EntityState state = states.get(entity);
        if (state == null) {
            throw new IllegalArgumentException(describe(metamodel.entity(entity.getClass()), entity)
                    + " is not in this session, so it cannot be expunged");
        }
        forget(state);
        journal.forget(state);
    }

    /** Stops tracking an object: it leaves the states and, if it holds its row there, the identity map. */
    void forget(EntityState state) {
        states.remove(state.entity());
        Class<?> type = state.mapping().type();
        if (state.id() != null && identityMap.get(type, state.id()) == state.entity()) {
            identityMap.remove(type, state.id());
        }
    }

    /** Stops tracking every object. */
    public void clear() {
        states.clear();
        identityMap.clear();
        journal.clear();
    }

    /**
     * Turns one row into the session's object for it. A row already in the map returns the object
     * as it is (its unflushed changes survive) unless it is expired or {@code overwrite} is set.
     *
     * @param mapping the entity
     * @param row the row's values in column order, converted to field types; foreign keys as ids; the
     *     session keeps this array as the object's snapshot, so the caller must not use it afterwards
     * @param overwrite whether to overwrite a loaded object's state (populate-existing)
     * @return the one object for the row
     */
    public Object load(EntityMapping mapping, Object[] row, boolean overwrite) {
        return loadState(mapping, row, overwrite).entity();
    }

    /**
     * {@link #load} for loaders that go on working with the object's state (wiring relationships,
     * reading keys), which saves them looking it up again.
     *
     * @param mapping the entity
     * @param row the row's values in column order, converted to field types; foreign keys as ids; the
     *     session keeps this array as the object's snapshot, so the caller must not use it afterwards
     * @param overwrite whether to overwrite a loaded object's state (populate-existing)
     * @return the state of the one object for the row
     */
    public EntityState loadState(EntityMapping mapping, Object[] row, boolean overwrite) {
        InheritanceMapping inheritance = mapping.inheritance();
        if (inheritance != null && inheritance.isView()) { // a base class's row: load it as the class it names
            EntityMapping concrete = inheritance.concrete(row);
            return loadState(concrete, inheritance.project(concrete, row), overwrite);
        }
        Object id = mapping.key().keyOfRow(row);
        Object existing = identityMap.get(mapping.type(), id);
        if (existing != null) {
            EntityState state = states.get(existing);
            if (state.status() != Status.DELETED && (state.isExpired() || overwrite)) {
                populate(state, row);
            }
            return state;
        }
        Object entity = mapping.instantiate();
        EntityState state = new EntityState(entity, mapping, Status.PERSISTENT, -1);
        state.id(id);
        states.putNew(state);
        identityMap.put(mapping.type(), id, entity); // takes the slot the get above stopped at
        populate(state, row);
        return state;
    }

    private void populate(EntityState state, Object[] row) {
        EntityMapping mapping = state.mapping();
        List<ColumnMapping> columns = mapping.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            RelationshipMapping relationship = mapping.owningRelationshipAt(i);
            if (relationship == null) {
                column.accessor().set(state.entity(), row[i]);
                continue;
            }
            if (column != relationship.foreignKey()) {
                continue; // a further column of a composite foreign key, read with its first
            }
            Object key = mapping.foreignKeyColumnsAt(i).length == 1 ? row[i]
                    : mapping.targetKey(relationship, metamodel.entity(relationship.target()), row);
            // a relationship's target is itself a mapped class, so it keys the identity map as is
            Object target = key == null ? null : identityMap.get(relationship.target(), key);
            column.accessor().set(state.entity(), target);
            // A foreign key to an object already in the session wires it without I/O, as SQLAlchemy's
            // many-to-one "get" does; any other non-null target stays unloaded.
            state.loaded(relationship, key == null || target != null);
        }
        for (RelationshipMapping relationship : mapping.relationships()) {
            if (!relationship.isOwning() && !state.isLoaded(relationship)) {
                relationship.accessor().set(state.entity(), relationship.isCollection()
                        ? new UnloadedCollection<>(mapping.name(), relationship.name()) : null);
            }
        }
        mapping.clearEmptyEmbedded(state.entity(), row);
        for (int i : mapping.mutableColumns()) {
            row[i] = columns.get(i).type().snapshotOf(row[i]); // the field keeps the value, the snapshot its written form
        }
        state.snapshot(row); // the row is the loader's own array, handed over: no copy per row
        state.expired(false);
        fire(LifecycleCallbacks.Event.POST_LOAD, state);
    }

    /**
     * Marks an object expired: the next query that returns its row, or a get, reloads it.
     *
     * @param entity a tracked object
     */
    public void expire(Object entity) {
        EntityState state = states.get(entity);
        if (state == null || state.status() != Status.PERSISTENT) {
            throw new IllegalArgumentException(describe(metamodel.entity(entity.getClass()), entity)
                    + " is not persistent in this session, so it cannot be expired");
        }
        state.expire(values.snapshot(state));
    }

    /** @return the transaction's record of what flushes inserted and deleted */
    public TransactionJournal journal() {
        return journal;
    }

    /**
     * Records a successful insert: the object becomes persistent under its id.
     *
     * @param state the inserted object's state
     */
    public void inserted(EntityState state) {
        Object id = state.mapping().idOf(state.entity());
        state.id(id);
        state.status(Status.PERSISTENT);
        identityMap.put(state.mapping().type(), id, state.entity());
        values.keepStored(state);
        state.snapshot(values.snapshot(state));
        journal.inserted(state);
        fire(LifecycleCallbacks.Event.POST_PERSIST, state);
    }

    /**
     * Records a successful update: the snapshot takes the new values.
     *
     * @param state the updated object's state
     */
    public void updated(EntityState state) {
        ColumnMapping version = state.mapping().version();
        if (version != null) {
            // the UPDATE incremented the version in the row; the object follows
            version.accessor().set(state.entity(), increment(state.snapshotValue(version)));
        }
        values.keepStored(state);
        state.snapshot(values.snapshot(state));
        if (state.isExpired()) {
            state.expire(state.snapshot()); // what was sent is no longer a change
        }
        fire(LifecycleCallbacks.Event.POST_UPDATE, state);
    }

    /**
     * Prepares a pending object for its insert: a versioned object starts at version 0.
     *
     * @param state a pending object's state
     */
    public void beforeInsert(EntityState state) {
        ColumnMapping version = state.mapping().version();
        if (version != null && version.accessor().get(state.entity()) == null) {
            Class<?> type = version.type().javaType();
            version.accessor().set(state.entity(), type == Integer.class ? Integer.valueOf(0)
                    : type == Short.class ? Short.valueOf((short) 0) : Long.valueOf(0));
        }
    }

    private static Object increment(Object version) {
        return version instanceof Long l ? Long.valueOf(l + 1)
                : version instanceof Integer i ? Integer.valueOf(i + 1) : Short.valueOf((short) ((Short) version + 1));
    }

    /**
     * Records a successful delete: the object leaves the session.
     *
     * @param state the deleted object's state
     */
    public void deleted(EntityState state) {
        forget(state);
        journal.deleted(state);
        fire(LifecycleCallbacks.Event.POST_REMOVE, state);
    }

    /** The transaction committed: what it inserted and deleted is final. */
    public void committed() {
        journal.clear();
    }

    /**
     * The transaction rolled back: objects added or inserted in it are expunged (generated ids
     * cleared), objects its statements brought in are expunged, objects deleted in it come back,
     * and every persistent object is expired, since its row may no longer hold what the object shows.
     */
    public void rolledBack() {
        rollback.undoSince(0, Long.MIN_VALUE);
        journal.clear();
    }

    /**
     * Marks the point a SAVEPOINT was taken, so a rollback to it can be undone in memory.
     *
     * @return the mark
     */
    public Savepoint savepoint() {
        return new Savepoint(journal.position(), sequence);
    }

    /**
     * The point a SAVEPOINT was taken: how far the journal and the add sequence had got.
     *
     * @param journal the journal's position then
     * @param sequence the add sequence number then
     */
    public record Savepoint(long journal, long sequence) {}

    /**
     * Records an object that a statement's row brought into the session (an INSERT … RETURNING, a
     * get-or-create), so that a rollback forgets it: its row may not survive the rollback.
     *
     * @param entity a tracked object
     */
    public void entered(Object entity) {
        EntityState state = states.get(entity);
        if (state != null) {
            journal.entered(state);
        }
    }

    /**
     * The transaction rolled back to a savepoint: what was inserted, brought in or added since is
     * expunged, what was deleted since comes back, and every persistent object is expired, since its
     * row may have been changed after the savepoint. Work from before the savepoint stays.
     *
     * @param savepoint the mark taken with the SAVEPOINT
     */
    public void rolledBackTo(Savepoint savepoint) {
        rollback.undoSince(savepoint.journal(), savepoint.sequence());
    }

    /**
     * Clears an id the database generated, so the object can be added again as new.
     *
     * @param state an object whose insert did not last
     */
    public void clearGeneratedId(EntityState state) {
        if (state.mapping().idGeneration().isAutomatic()) {
            state.mapping().id().accessor().set(state.entity(), null);
        }
    }

    /** @return the number of objects tracked */
    public int size() {
        return states.size();
    }

    static String describe(EntityMapping mapping, Object entity) {
        Object id = mapping.idOf(entity);
        return id != null ? mapping.name() + "#" + id : mapping.name() + " (transient, no id)";
    }
}
