package io.valence.orm.internal.query;

import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;

/**
 * A rendered query without its values: the text, what each parameter binds and the row layout.
 * Cached per query shape and bound once per query.
 *
 * @param sql the text
 * @param slots what each {@code $n} binds, in order
 * @param entities the entities of a row
 * @param selectIns the follow-up queries (static: their only parameter is the key array)
 * @param repeatsRoots whether a filter join through a collection can repeat root rows
 */
record SelectTemplate(
        String sql, List<BindSlot> slots, List<SelectedEntity> entities, List<SelectIn> selectIns, boolean repeatsRoots) {

    SelectTemplate {
        slots = List.copyOf(slots);
        entities = List.copyOf(entities); // immutable once, so each bound RenderedSelect shares them
        selectIns = List.copyOf(selectIns);
    }

    RenderedSelect bind(QueryValues values) {
        return new RenderedSelect(
                new SqlStatement(sql, Parameters.bind(slots, values)), entities, selectIns, repeatsRoots);
    }
}
