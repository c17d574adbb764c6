package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A follow-up query run after the main one: for the distinct keys collected from
 * {@code entities.get(from)}, it loads {@code relationship} of those objects. The query has exactly
 * one parameter, {@code $1}, an array of keys (its cast is in the SQL); for composite keys one array
 * per key part (see {@link #bindKeyParts}). For an inverse relationship
 * (a collection or an inverse one-to-one) the keys are the owners' ids and the query filters the
 * target's foreign key column; for an owning to-one the keys are the owners' foreign key values and it
 * filters the target's id. {@code query.entities().get(0)} is the target; the query can have its own
 * joined entities and select-ins, so chains continue.
 *
 * @param from index of the entity, in the enclosing query's entities, whose relationship this loads
 * @param relationship the relationship loaded
 * @param query the follow-up query; its statement holds a placeholder for {@code $1}
 * @param keyColumn the column of the target's row holding the key to group by: the foreign key
 *     for an inverse relationship, the id for an owning to-one; for a many-to-many, the owner's id
 *     column, whose type the link table's column has
 * @param rowKeyIndex for a many-to-many, the index in each row of the link table's owner column
 *     (after every entity's columns), by which the row's target is grouped; else -1
 */
public record SelectIn(int from, RelationshipMapping relationship, RenderedSelect query, ColumnMapping keyColumn,
        int rowKeyIndex) {

    /**
     * A select-in whose key is a column of the target's row.
     *
     * @param from index of the entity whose relationship this loads
     * @param relationship the relationship loaded
     * @param query the follow-up query
     * @param keyColumn the column of the target's row holding the key
     */
    public SelectIn(int from, RelationshipMapping relationship, RenderedSelect query, ColumnMapping keyColumn) {
        this(from, relationship, query, keyColumn, -1);
    }

    /**
     * The query's statement with the keys bound to {@code $1}, as one array of the key column's
     * driver type. The executor chunks large key sets; this binds whatever it is given.
     *
     * @param keys the distinct keys (ids or foreign key values), as the entities hold them or already
     *     converted for the driver; none null
     * @return the statement to run
     */
    public SqlStatement bindKeys(Object[] keys) {
        Objects.requireNonNull(keys, "keys must not be null");
        return new SqlStatement(query.statement().sql(), List.of(BindValues.keyArray(keyColumn, keys)));
    }

    /**
     * The columns of the target's row that the keys are matched against: {@link #keyColumn()} alone,
     * or, when the keys are composite, one column per key part (the target's key columns for an
     * owning to-one, its foreign key columns for an inverse side).
     *
     * @return the columns, in the order of the key's parts
     */
    public List<ColumnMapping> keyColumns() {
        return relationship.isLinked() ? List.of(keyColumn) : matchedColumns(relationship, query.entities().get(0).mapping());
    }

    /**
     * The columns of a target's row that a select-in along a relationship without a link table
     * matches keys against.
     *
     * @param relationship an owning to-one or an inverse side
     * @param target the relationship's target
     * @return the target's key columns (owning), or its foreign key columns back to the owner (inverse)
     */
    static List<ColumnMapping> matchedColumns(RelationshipMapping relationship, EntityMapping target) {
        if (relationship.isOwning()) {
            return target.key().parts();
        }
        return Arrays.stream(target.foreignKeyColumns(target.relationship(relationship.mappedBy())))
                .mapToObj(target.columns()::get).toList();
    }

    /**
     * The query's statement with composite keys bound, one array per key part ({@code $1}, {@code $2},
     * …), as {@code WHERE (t0."a", t0."b") IN (SELECT * FROM unnest($1::bigint[], $2::integer[]))} reads them.
     *
     * @param parts by key part, the parts of the distinct keys, in the same order in every array
     * @return the statement to run
     */
    public SqlStatement bindKeyParts(Object[][] parts) {
        List<ColumnMapping> columns = keyColumns();
        List<SqlStatement.Bind> binds = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            binds.add(BindValues.keyArray(columns.get(i), parts[i]));
        }
        return new SqlStatement(query.statement().sql(), binds);
    }
}
