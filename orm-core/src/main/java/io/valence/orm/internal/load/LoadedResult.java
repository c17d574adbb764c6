package io.valence.orm.internal.load;

import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One query result read whole, row by row as it arrives, before its follow-up queries run: it keeps
 * each root once in row order (a join through a collection repeats roots), remembers which objects
 * each joined entity met so that their collections can be finished and select-ins can start from
 * them, and hands each new root to the select-in it is a target of. A query of one entity whose
 * roots cannot repeat takes a path without any of that bookkeeping.
 */
public final class LoadedResult {
    private final RowLoader loader;
    private final RenderedSelect query;
    private final boolean overwrite;
    private final SelectInWiring grouping;
    private final List<EntityState> roots = new ArrayList<>();
    /** The states of the current row by entity index, reused from row to row; null for one entity per row. */
    private final EntityState[] rowStates;
    /** The distinct objects each entity met, by entity index (the roots first); null for one entity per row. */
    private final List<Set<EntityState>> seenPerEntity;

    LoadedResult(RowLoader loader, RenderedSelect query, boolean overwrite, SelectInWiring grouping) {
        this.loader = loader;
        this.query = query;
        this.overwrite = overwrite;
        this.grouping = grouping;
        int entities = query.entities().size();
        if (entities == 1 && !query.repeatsRoots()) {
            // one entity per row, each row a distinct object: the roots are all the follow-ups start from
            this.rowStates = null;
            this.seenPerEntity = null;
        } else {
            this.rowStates = new EntityState[entities];
            this.seenPerEntity = new ArrayList<>(entities);
            for (int i = 0; i < entities; i++) {
                seenPerEntity.add(Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }
    }

    /**
     * Loads one row's objects.
     *
     * @param row the row
     * @return the row's root object's state (the same for rows repeating a root)
     */
    public EntityState read(ResultRow row) {
        if (rowStates == null) {
            EntityState root = loader.load(row, query, overwrite, null);
            firstSight(root, row);
            return root;
        }
        loader.load(row, query, overwrite, rowStates);
        EntityState root = rowStates[0];
        if (seenPerEntity.get(0).add(root)) {
            firstSight(root, row);
        } else if (grouping != null && grouping.groupsEveryRow()) {
            grouping.group(root, row);
        }
        for (int i = 1; i < rowStates.length; i++) {
            if (rowStates[i] != null) {
                seenPerEntity.get(i).add(rowStates[i]);
            }
        }
        return root;
    }

    private void firstSight(EntityState root, ResultRow row) {
        roots.add(root);
        if (grouping != null) {
            grouping.group(root, row);
        }
    }

    /**
     * Ends the result after its last row: the collections it filled by joins are complete.
     *
     * @return the distinct roots, in row order
     */
    public List<EntityState> finish() {
        if (seenPerEntity != null) {
            loader.finishJoinedCollections(query, seenPerEntity);
        }
        return roots;
    }

    /**
     * The objects a follow-up query loads a relationship of: every distinct object of its entity.
     *
     * @param selectIn one of the query's follow-ups
     * @return the owners
     */
    public List<EntityState> ownersOf(SelectIn selectIn) {
        return seenPerEntity == null ? roots : List.copyOf(seenPerEntity.get(selectIn.from()));
    }
}
