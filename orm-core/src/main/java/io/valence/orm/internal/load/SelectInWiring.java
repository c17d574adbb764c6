package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One select-in load of a relationship for a set of owners: the distinct keys the follow-up
 * statements ask for (in chunks), the targets grouped by key as their rows arrive (not in a second
 * pass over all of them), and at the end each owner's relationship set from its group. A to-one
 * gets its target or {@code null}; a collection gets its members (empty without rows), unless it
 * was loaded meanwhile, and is snapshotted.
 */
public final class SelectInWiring {
    /** Keys per follow-up statement, so one array parameter stays a sensible size. */
    static final int KEY_CHUNK = 10_000;

    private final SelectIn selectIn;
    private final List<EntityState> owners;
    private final List<Object> keys;
    private final Map<Object, List<Object>> targetsByKey;
    private final ColumnMapping keyColumn;
    private final EntityMapping targetMapping;
    /** The entity whose key the keys are: the target for an owning to-one, the owners' entity for an inverse side. */
    private final EntityMapping referenced;
    /** The number of parts of composite keys, or 0 for single keys. */
    private final int compositeParts;
    private Object lastKey;
    private List<Object> lastGroup;

    /**
     * Collects the owners' distinct keys.
     *
     * @param selectIn the follow-up query
     * @param owners the states of the objects whose relationship is loaded
     */
    public SelectInWiring(SelectIn selectIn, List<EntityState> owners) {
        this.selectIn = selectIn;
        this.keyColumn = selectIn.keyColumn();
        RelationshipMapping relationship = selectIn.relationship();
        // a base query's owners may be of subclasses that do not declare the relationship
        this.owners = owners.stream().filter(owner -> owner.mapping().declares(relationship)).toList();
        this.targetMapping = selectIn.query().entities().get(0).mapping();
        this.referenced = this.owners.isEmpty() ? null
                : relationship.isOwning() ? targetMapping : this.owners.get(0).mapping();
        this.compositeParts = selectIn.keyColumns().size() > 1 ? selectIn.keyColumns().size() : 0;
        this.keys = new ArrayList<>(this.owners.size());
        Set<Object> seen = new HashSet<>(this.owners.size() * 2);
        for (EntityState owner : this.owners) {
            Object key = keyOf(owner, relationship, targetMapping);
            if (key != null && seen.add(key)) {
                keys.add(key);
            }
        }
        this.targetsByKey = new HashMap<>(keys.size() * 2);
    }

    /**
     * The follow-up statements: one per chunk of keys, none when no owner has a key.
     *
     * @return the statements to run, in order
     */
    public List<SqlStatement> statements() {
        List<List<Object>> chunks = chunks(keys, KEY_CHUNK);
        List<SqlStatement> statements = new ArrayList<>(chunks.size());
        for (List<Object> chunk : chunks) {
            statements.add(compositeParts == 0 ? selectIn.bindKeys(chunk.toArray()) : selectIn.bindKeyParts(parts(chunk)));
        }
        return statements;
    }

    /**
     * Groups one target by its key column. Rows of one key mostly arrive together (a parent's
     * children were inserted together), so a row with the previous row's key joins its group without
     * a hash lookup.
     *
     * @param target a target's state, once per distinct target (per row for {@link #groupsEveryRow})
     * @param row the row it was read from
     */
    void group(EntityState target, ResultRow row) {
        boolean linked = selectIn.rowKeyIndex() >= 0;
        Object key = linked ? RowReader.value(row, selectIn.rowKeyIndex(), keyColumn)
                : compositeParts == 0 ? target.snapshotValue(keyColumn)
                : selectIn.relationship().isOwning() ? target.id()
                : targetMapping.targetKey(targetMapping.relationship(selectIn.relationship().mappedBy()), referenced,
                        target.snapshot());
        if (lastGroup == null || !Objects.equals(lastKey, key)) {
            lastKey = key;
            lastGroup = targetsByKey.computeIfAbsent(key, k -> new ArrayList<>(4));
        }
        if (!linked || !JoinedCollections.containsIdentical(lastGroup, target.entity())) {
            lastGroup.add(target.entity());
        }
    }

    /**
     * Whether every row is grouped, not only a target's first: a many-to-many's target comes once
     * per owner it is linked to, each row naming the owner.
     *
     * @return {@code true} for a many-to-many
     */
    boolean groupsEveryRow() {
        return selectIn.rowKeyIndex() >= 0;
    }

    /** Sets the relationship on every owner, after the last target arrived. */
    public void wire() {
        RelationshipMapping relationship = selectIn.relationship();
        for (EntityState state : owners) {
            Object owner = state.entity();
            List<Object> matches = targetsByKey.getOrDefault(keyOf(state, relationship, targetMapping), List.of());
            if (relationship.isCollection()) {
                if (!state.isLoaded(relationship)) {
                    Collection<Object> members = membersOf(relationship, matches);
                    relationship.accessor().set(owner, members);
                    state.loaded(relationship, true);
                    state.collectionSnapshot(relationship, members);
                }
            } else {
                relationship.accessor().set(owner, matches.isEmpty() ? null : matches.get(0));
                state.loaded(relationship, true);
            }
        }
    }

    /** The key a select-in matches an owner by: its id for collections, its foreign key for to-one. */
    private static Object keyOf(EntityState state, RelationshipMapping relationship, EntityMapping target) {
        if (relationship.isOwning()) {
            return state.snapshot() == null ? null : state.mapping().targetKey(relationship, target, state.snapshot());
        }
        return state.mapping().idOf(state.entity());
    }

    /** By key part, the parts of composite keys: one array parameter each. */
    private Object[][] parts(List<Object> chunk) {
        Object[][] parts = new Object[compositeParts][chunk.size()];
        for (int k = 0; k < chunk.size(); k++) {
            for (int p = 0; p < compositeParts; p++) {
                parts[p][k] = referenced.key().part(chunk.get(k), p);
            }
        }
        return parts;
    }

    /**
     * Splits keys into consecutive chunks of at most {@code size}.
     *
     * @param keys the distinct keys
     * @param size the most keys per chunk
     * @return views of the chunks, in order; none for no keys
     */
    static List<List<Object>> chunks(List<Object> keys, int size) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        return chunks;
    }

    /**
     * The collection a select-in sets on one owner: the list grouping built for it when the field is
     * a list (each owner has its own), else a fresh collection of the field's kind.
     */
    private static Collection<Object> membersOf(RelationshipMapping relationship, List<Object> matches) {
        if (matches instanceof ArrayList<Object> grouped && relationship.accessor().type() != Set.class) {
            return grouped;
        }
        Collection<Object> members = JoinedCollections.newCollection(relationship);
        members.addAll(matches);
        return members;
    }
}
