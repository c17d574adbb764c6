package io.valence.orm.internal.state;

import io.valence.orm.internal.identity.EntityKey;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.Collection;
import java.util.List;

/**
 * What a session knows about one object: its status, its key, the column values as last loaded or
 * flushed (the snapshot dirty checking compares with), which relationships are loaded, and the
 * members of loaded collections as last seen (for orphan removal).
 */
public final class EntityState {
    private final Object entity;
    private final EntityMapping mapping;
    private Status status;
    /** The id it is tracked under; the key is built from it only when asked for, which flushes do, not loads. */
    private Object id;
    private Object[] snapshot;
    private boolean expired;
    private Object[] expiredValues;
    private final long order;
    private final boolean[] loadedRelationships;
    /** By relationship index; allocated when the first collection is snapshotted, as most objects have none. */
    private List<Object>[] collectionSnapshots;
    /** Where {@link StateTable} keeps this state in its insertion order. */
    int tablePosition = -1;

    /**
     * Creates the state of an object.
     *
     * @param entity the object
     * @param mapping its mapping
     * @param status its initial status
     * @param order a sequence number: pending objects are inserted in this order
     */
    public EntityState(Object entity, EntityMapping mapping, Status status, long order) {
        this.entity = entity;
        this.mapping = mapping;
        this.status = status;
        this.order = order;
        this.loadedRelationships = new boolean[mapping.relationships().size()];
    }

    /** @return the object */
    public Object entity() {
        return entity;
    }

    /** @return its mapping */
    public EntityMapping mapping() {
        return mapping;
    }

    /** @return its status */
    public Status status() {
        return status;
    }

    /** @param status the new status */
    public void status(Status status) {
        this.status = status;
    }

    /** @return the id it is tracked under, or {@code null} while pending without one */
    public Object id() {
        return id;
    }

    /** @param id the id it is tracked under from now on */
    public void id(Object id) {
        this.id = id;
    }

    /** @return its key, or {@code null} while pending without an id */
    public EntityKey key() {
        return id == null ? null : new EntityKey(mapping.identityType(), id);
    }

    /** @return the sequence number that orders pending inserts */
    public long order() {
        return order;
    }

    /**
     * The column values as last loaded or flushed, by column index; foreign keys hold the target's id.
     *
     * @return the snapshot, or {@code null} while pending
     */
    public Object[] snapshot() {
        return snapshot;
    }

    /** @param snapshot the values now in the row */
    public void snapshot(Object[] snapshot) {
        this.snapshot = snapshot;
    }

    /** @return whether the next query or get must reload the object's state */
    public boolean isExpired() {
        return expired;
    }

    /** @param expired whether the object's state must be reloaded; {@code false} once it was */
    public void expired(boolean expired) {
        this.expired = expired;
        if (!expired) {
            expiredValues = null;
        }
    }

    /**
     * Marks the object expired. What its fields hold now is discarded at the next load; a field
     * assigned from now on differs from {@code valuesNow}, and that change is flushed.
     *
     * @param valuesNow the object's column values at this moment, in column order
     */
    public void expire(Object[] valuesNow) {
        this.expired = true;
        this.expiredValues = valuesNow;
    }

    /**
     * The column values an expired object had when it was expired: dirty checking compares with
     * them rather than with the snapshot, which may no longer be what the row holds.
     *
     * @return the values, or {@code null} when the object is not expired
     */
    public Object[] expiredValues() {
        return expiredValues;
    }

    /**
     * Whether a relationship holds what the database holds (loaded, assigned, or new with the object).
     *
     * @param relationship one of the mapping's relationships
     * @return {@code true} when loaded
     */
    public boolean isLoaded(RelationshipMapping relationship) {
        return loadedRelationships[mapping.relationshipIndex(relationship)];
    }

    /**
     * Marks a relationship as loaded or not.
     *
     * @param relationship one of the mapping's relationships
     * @param loaded whether it is loaded
     */
    public void loaded(RelationshipMapping relationship, boolean loaded) {
        loadedRelationships[mapping.relationshipIndex(relationship)] = loaded;
    }

    /** Marks every relationship as loaded: a new object's relationships are whatever its fields hold. */
    public void allLoaded() {
        java.util.Arrays.fill(loadedRelationships, true);
    }

    /**
     * The members of a loaded collection as last seen.
     *
     * @param relationship a collection relationship
     * @return the members, or {@code null} when none were recorded
     */
    public List<Object> collectionSnapshot(RelationshipMapping relationship) {
        return collectionSnapshots == null ? null : collectionSnapshots[mapping.relationshipIndex(relationship)];
    }

    /**
     * Records the members of a loaded collection.
     *
     * @param relationship a collection relationship
     * @param members the members now in the database; copied
     */
    public void collectionSnapshot(RelationshipMapping relationship, Collection<?> members) {
        if (collectionSnapshots == null) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Object>[] fresh = new List[loadedRelationships.length];
            collectionSnapshots = fresh;
        }
        collectionSnapshots[mapping.relationshipIndex(relationship)] = List.<Object>copyOf(members);
    }

    /**
     * The snapshot value of one column.
     *
     * @param column a column of the mapping
     * @return its value as last loaded or flushed
     */
    public Object snapshotValue(ColumnMapping column) {
        return snapshot == null ? null : snapshot[mapping.columnIndex(column)];
    }

    /**
     * Describes the object for messages: {@code Child#17} or {@code Child (pending, no id)}.
     *
     * @return the description
     */
    public String describe() {
        Object id = mapping.idOf(entity);
        return id != null ? mapping.name() + "#" + id : mapping.name() + " (pending, no id)";
    }
}
