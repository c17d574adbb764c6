package io.valence.orm.reactive.internal.load;

import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.internal.load.RowReader;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.query.SelectedEntity;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a rendered query and turns its rows into the session's objects: every entity of a row goes
 * through the identity map, joined entities are wired to the object they hang from, and select-in
 * follow-up queries load relationships of all loaded objects at once ({@code = ANY($1)}), chained
 * as deep as the options go. A query without follow-ups or joined collections streams row by row;
 * the others read the whole main result first, since a follow-up cannot run on the connection while
 * the main result is still streaming.
 */
public final class ResultLoader {
    /** Rows per round trip of a stream read in portions: most results in one, a large one in bounded slices. */
    private static final int SLICE_SIZE = 5_000;
    /** Keys per follow-up statement, so one array parameter stays a sensible size. */
    private static final int KEY_CHUNK = 10_000;

    private final UnitOfWork unitOfWork;
    /**
     * Collections a joined load is filling: set to a fresh collection on first sight, unless already
     * loaded. Sized small, since most sessions never run a joined load; it grows when one does.
     */
    private final Map<Object, Set<RelationshipMapping>> filling = new IdentityHashMap<>(4);

    /**
     * @param unitOfWork the session's objects
     */
    public ResultLoader(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * Loads a query's root objects.
     *
     * @param channel the session's transaction channel
     * @param query the rendered query
     * @param overwrite whether rows overwrite loaded objects (populate-existing)
     * @return the distinct root objects in row order
     */
    public Flux<Object> load(TransactionChannel channel, RenderedSelect query, boolean overwrite) {
        if (query.selectIns().isEmpty() && !joinsCollection(query)) {
            Flux<Object> rows = channel.stream(
                    query.statement(), SLICE_SIZE, row -> loadRow(row, query, overwrite, null).entity());
            if (query.repeatsRoots()) {
                // Select.join through a collection repeats a root once per matching element; return it once
                Map<Object, Boolean> seen = new IdentityHashMap<>();
                return rows.filter(root -> seen.put(root, Boolean.TRUE) == null);
            }
            return rows;
        }
        return loadAll(channel, query, query.statement(), overwrite, root -> {})
                .flatMapIterable(Loaded::roots)
                .map(EntityState::entity);
    }

    /**
     * Loads one relationship of the given owners with one follow-up query per chunk of keys.
     *
     * @param channel the session's transaction channel
     * @param selectIn the follow-up query
     * @param owners the objects whose relationship is loaded
     * @param overwrite whether rows overwrite loaded objects
     * @return a Mono that completes when the relationship is wired on every owner
     */
    public Mono<Void> loadRelationship(TransactionChannel channel, SelectIn selectIn, Collection<Object> owners, boolean overwrite) {
        return loadRelationshipOf(channel, selectIn, owners.stream().map(unitOfWork::state).toList(), overwrite);
    }

    /** Loads one relationship of the owners; the loader's own paths hold the states already. */
    private Mono<Void> loadRelationshipOf(
            TransactionChannel channel, SelectIn selectIn, List<EntityState> owners, boolean overwrite) {
        RelationshipMapping relationship = selectIn.relationship();
        List<Object> keys = new ArrayList<>(owners.size());
        Set<Object> seen = new HashSet<>(owners.size() * 2);
        for (EntityState owner : owners) {
            Object key = keyOf(owner, relationship);
            if (key != null && seen.add(key)) {
                keys.add(key);
            }
        }
        // targets are grouped by key as their rows arrive, not in a second pass over all of them
        Map<Object, List<Object>> targetsByKey = new HashMap<>(keys.size() * 2);
        Consumer<EntityState> group = new Grouping(targetsByKey, selectIn.keyColumn());
        return Flux.fromIterable(chunks(keys))
                .concatMap(chunk -> loadAll(channel, selectIn.query(), selectIn.bindKeys(chunk.toArray()), overwrite, group), 1)
                .then(Mono.fromRunnable(() -> wireSelectIn(selectIn, owners, targetsByKey)));
    }

    private record Loaded(List<EntityState> roots) {}

    /**
     * Groups a select-in's targets by their key column. Rows of one key mostly arrive together (a
     * parent's children were inserted together), so a row with the previous row's key joins its
     * group without a hash lookup.
     */
    private static final class Grouping implements Consumer<EntityState> {
        private final Map<Object, List<Object>> targetsByKey;
        private final ColumnMapping keyColumn;
        private Object lastKey;
        private List<Object> lastGroup;

        Grouping(Map<Object, List<Object>> targetsByKey, ColumnMapping keyColumn) {
            this.targetsByKey = targetsByKey;
            this.keyColumn = keyColumn;
        }

        @Override
        public void accept(EntityState target) {
            Object key = target.snapshotValue(keyColumn);
            if (lastGroup == null || !Objects.equals(lastKey, key)) {
                lastKey = key;
                lastGroup = targetsByKey.computeIfAbsent(key, k -> new ArrayList<>(4));
            }
            lastGroup.add(target.entity());
        }
    }

    /**
     * Reads a whole result, then runs its follow-up queries.
     *
     * @param eachRoot sees each distinct root object as its row arrives
     */
    private Mono<Loaded> loadAll(
            TransactionChannel channel, RenderedSelect query, SqlStatement statement, boolean overwrite,
            Consumer<EntityState> eachRoot) {
        if (query.entities().size() == 1 && !query.repeatsRoots()) {
            // one entity per row, each row a distinct object: the roots are all the follow-ups start from
            return channel.rows(statement, row -> {
                        EntityState root = loadRow(row, query, overwrite, null);
                        eachRoot.accept(root);
                        return root;
                    })
                    .collectList()
                    .flatMap(roots -> Flux.fromIterable(query.selectIns())
                            .concatMap(selectIn -> loadRelationshipOf(channel, selectIn, roots, overwrite), 1)
                            .then(Mono.just(new Loaded(roots))));
        }
        List<Map<EntityState, Boolean>> seenPerEntity = new ArrayList<>();
        query.entities().forEach(entity -> seenPerEntity.add(new IdentityHashMap<>()));
        Map<EntityState, Boolean> roots = new IdentityHashMap<>();
        return channel.rows(statement, row -> {
                    EntityState[] objects = new EntityState[query.entities().size()];
                    loadRow(row, query, overwrite, objects);
                    for (int i = 0; i < objects.length; i++) {
                        if (objects[i] != null) {
                            seenPerEntity.get(i).put(objects[i], Boolean.TRUE);
                        }
                    }
                    return objects[0];
                })
                .filter(root -> roots.put(root, Boolean.TRUE) == null)
                .doOnNext(eachRoot)
                .collectList()
                .flatMap(rootList -> {
                    finishJoinedCollections(query, seenPerEntity);
                    return Flux.fromIterable(query.selectIns())
                            .concatMap(selectIn -> loadRelationshipOf(channel, selectIn,
                                    List.copyOf(seenPerEntity.get(selectIn.from()).keySet()), overwrite), 1)
                            .then(Mono.just(new Loaded(rootList)));
                });
    }

    /**
     * Loads every entity of one row through the identity map and wires joined ones.
     *
     * @param objects receives the states of the row's objects by entity index, or {@code null} when not needed
     * @return the root object's state
     */
    private EntityState loadRow(ResultRow row, RenderedSelect query, boolean overwrite, EntityState[] objects) {
        List<SelectedEntity> entities = query.entities();
        // a query of one entity needs no array of the row's states (the usual case, once per row)
        EntityState[] loaded = objects != null || entities.size() == 1 ? objects : new EntityState[entities.size()];
        EntityState root = null;
        for (int i = 0; i < entities.size(); i++) {
            SelectedEntity entity = entities.get(i);
            Object[] values = RowReader.read(row, entity.mapping(), entity.offset());
            EntityState state = values[0] == null ? null : unitOfWork.loadState(entity.mapping(), values, overwrite);
            if (i == 0) {
                root = state;
            }
            if (loaded != null) {
                loaded[i] = state;
            }
            if (i > 0 && loaded[entity.parent()] != null) {
                wireJoined(loaded[entity.parent()], entity.via(), state == null ? null : state.entity());
            }
        }
        return root;
    }

    private void wireJoined(EntityState state, RelationshipMapping via, Object target) {
        Object owner = state.entity();
        if (via.isCollection()) {
            Collection<Object> members = collectionBeingLoaded(owner, state, via);
            if (members != null && target != null && !containsIdentical(members, target)) {
                members.add(target);
            }
        } else if (!state.isLoaded(via) || via.accessor().get(owner) == null) {
            via.accessor().set(owner, target);
            state.loaded(via, true);
        }
    }

    private Collection<Object> collectionBeingLoaded(Object owner, EntityState state, RelationshipMapping via) {
        Set<RelationshipMapping> relationships = filling.computeIfAbsent(owner, k -> new java.util.HashSet<>());
        if (relationships.contains(via)) {
            @SuppressWarnings("unchecked")
            Collection<Object> current = (Collection<Object>) via.accessor().get(owner);
            return current;
        }
        if (state.isLoaded(via)) {
            return null; // an already loaded collection is not replaced, as in SQLAlchemy
        }
        Collection<Object> fresh = newCollection(via);
        via.accessor().set(owner, fresh);
        state.loaded(via, true);
        relationships.add(via);
        return fresh;
    }

    private void finishJoinedCollections(RenderedSelect query, List<Map<EntityState, Boolean>> seenPerEntity) {
        for (int i = 1; i < query.entities().size(); i++) {
            SelectedEntity entity = query.entities().get(i);
            if (!entity.via().isCollection()) {
                continue;
            }
            for (EntityState state : seenPerEntity.get(entity.parent()).keySet()) {
                Object owner = state.entity();
                collectionBeingLoaded(owner, state, entity.via()); // owners whose join found no row get an empty one
                snapshotCollection(state, entity.via());
                Set<RelationshipMapping> relationships = filling.get(owner);
                if (relationships != null && relationships.remove(entity.via()) && relationships.isEmpty()) {
                    filling.remove(owner); // the session would otherwise keep every owner a joined load met
                }
            }
        }
    }

    private void wireSelectIn(SelectIn selectIn, List<EntityState> owners, Map<Object, List<Object>> targetsByKey) {
        RelationshipMapping relationship = selectIn.relationship();
        for (EntityState state : owners) {
            Object owner = state.entity();
            List<Object> matches = targetsByKey.getOrDefault(keyOf(state, relationship), List.of());
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
    private static Object keyOf(EntityState state, RelationshipMapping relationship) {
        if (relationship.isOwning()) {
            return state.snapshotValue(relationship.foreignKey());
        }
        return state.mapping().idOf(state.entity());
    }

    private static void snapshotCollection(EntityState state, RelationshipMapping relationship) {
        Object value = relationship.accessor().get(state.entity());
        if (value instanceof Collection<?> members) {
            state.collectionSnapshot(relationship, members);
        }
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEY_CHUNK) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + KEY_CHUNK)));
        }
        return chunks;
    }

    private static boolean joinsCollection(RenderedSelect query) {
        return query.entities().stream().skip(1).anyMatch(entity -> entity.via().isCollection());
    }

    /**
     * The collection a select-in sets on one owner: the list grouping built for it when the field is
     * a list (each owner has its own), else a fresh collection of the field's kind.
     */
    private static Collection<Object> membersOf(RelationshipMapping relationship, List<Object> matches) {
        if (matches instanceof ArrayList<Object> grouped && relationship.accessor().type() != Set.class) {
            return grouped;
        }
        Collection<Object> members = newCollection(relationship);
        members.addAll(matches);
        return members;
    }

    private static Collection<Object> newCollection(RelationshipMapping relationship) {
        return relationship.accessor().type() == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
    }

    private static boolean containsIdentical(Collection<Object> members, Object target) {
        for (Object member : members) {
            if (member == target) {
                return true;
            }
        }
        return false;
    }
}
