package io.valence.orm.internal.query;

import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;

/**
 * A rendered query: its statement, the entities each row holds (where their columns start) and the
 * follow-up queries that load {@code Load.selectIn} relationships.
 *
 * @param statement the text and binds; for the query of a {@link SelectIn}, {@code $1} is a
 *     placeholder supplied by {@link SelectIn#bindKeys(Object[])}
 * @param entities the entities of a row, the root first, then joined ones depth first
 * @param selectIns the follow-up queries, run after this one
 * @param repeatsRoots whether a filter join ({@code Select.join}) through a collection can return a
 *     root row more than once, so that the executor must drop repeats to return each root once
 */
public record RenderedSelect(
        SqlStatement statement, List<SelectedEntity> entities, List<SelectIn> selectIns, boolean repeatsRoots) {
    /**
     * Copies the lists.
     *
     * @param statement the text and binds
     * @param entities the entities of a row
     * @param selectIns the follow-up queries
     * @param repeatsRoots whether root rows can repeat
     */
    public RenderedSelect {
        entities = List.copyOf(entities);
        selectIns = List.copyOf(selectIns);
    }

    /**
     * A query whose root rows do not repeat.
     *
     * @param statement the text and binds
     * @param entities the entities of a row
     * @param selectIns the follow-up queries
     */
    public RenderedSelect(SqlStatement statement, List<SelectedEntity> entities, List<SelectIn> selectIns) {
        this(statement, entities, selectIns, false);
    }
}
