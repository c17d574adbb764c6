package io.valence.orm.internal.load;

import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.query.SelectedEntity;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns one row into the session's objects: every entity of the row goes through the identity map,
 * and each joined one is wired to the object it hangs from (a to-one set, a collection member added
 * once). One per session, because a collection a joined load is filling spans many rows.
 */
public final class RowLoader {
    private final UnitOfWork unitOfWork;
    private final JoinedCollections collections = new JoinedCollections();

    /**
     * @param unitOfWork the session's objects
     */
    public RowLoader(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * Whether a query's rows can go to the caller as they arrive: it has no follow-up query (which
     * cannot run while the main result streams) and fills no collection by a join (which is only
     * complete after the last row).
     *
     * @param query the rendered query
     * @return {@code true} to stream, {@code false} to read the whole result through {@link #result}
     */
    public static boolean streams(RenderedSelect query) {
        if (!query.selectIns().isEmpty()) {
            return false;
        }
        List<SelectedEntity> entities = query.entities();
        for (int i = 1; i < entities.size(); i++) {
            if (entities.get(i).via().isCollection()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads a streamed row's objects; a query whose roots repeat needs {@link DistinctRoots} after it.
     *
     * @param row the row
     * @param query the rendered query, which {@link #streams}
     * @param overwrite whether the row overwrites loaded objects (populate-existing)
     * @return the row's root object
     */
    public Object root(ResultRow row, RenderedSelect query, boolean overwrite) {
        return load(row, query, overwrite, null).entity();
    }

    /**
     * Starts reading one whole result.
     *
     * @param query the rendered query
     * @param overwrite whether rows overwrite loaded objects
     * @param grouping the select-in that the query's roots are the targets of, or {@code null}
     * @return the reader, to hand each row to
     */
    public LoadedResult result(RenderedSelect query, boolean overwrite, SelectInWiring grouping) {
        return new LoadedResult(this, query, overwrite, grouping);
    }

    /**
     * The states of objects a relationship is loaded for.
     *
     * @param entities objects this session tracks
     * @return their states, in the same order
     */
    public List<EntityState> statesOf(Collection<Object> entities) {
        List<EntityState> states = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            states.add(unitOfWork.state(entity));
        }
        return states;
    }

    /**
     * Loads every entity of one row through the identity map and wires joined ones.
     *
     * @param objects receives the states of the row's objects by entity index, or {@code null} when not needed
     * @return the root object's state
     */
    EntityState load(ResultRow row, RenderedSelect query, boolean overwrite, EntityState[] objects) {
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
                wireJoined(loaded[entity.parent()], entity, state);
            }
        }
        return root;
    }

    private void wireJoined(EntityState owner, SelectedEntity joined, EntityState target) {
        Object entity = owner.entity();
        if (!owner.mapping().declares(joined.via())) {
            return; // a subclass's relationship, joined for a base query: this row is of another subclass
        }
        if (joined.via().isCollection()) {
            collections.add(owner, joined.via(), target == null ? null : target.entity());
        } else if (!owner.isLoaded(joined.via()) || joined.via().accessor().get(entity) == null) {
            joined.via().accessor().set(entity, target == null ? null : target.entity());
            owner.loaded(joined.via(), true);
        }
    }

    /**
     * Ends the collections a whole result filled by joins: owners whose join found no row get an
     * empty collection, and every one is snapshotted as loaded.
     *
     * @param query the rendered query
     * @param seenPerEntity the objects each entity of the query met, by entity index
     */
    void finishJoinedCollections(RenderedSelect query, List<? extends Collection<EntityState>> seenPerEntity) {
        List<SelectedEntity> entities = query.entities();
        for (int i = 1; i < entities.size(); i++) {
            SelectedEntity entity = entities.get(i);
            if (entity.via().isCollection()) {
                for (EntityState owner : seenPerEntity.get(entity.parent())) {
                    if (owner.mapping().declares(entity.via())) {
                        collections.finish(owner, entity.via());
                    }
                }
            }
        }
    }

    /** @return whether a joined load is filling a collection right now (between its rows and its end) */
    boolean isFilling() {
        return collections.isFilling();
    }
}
