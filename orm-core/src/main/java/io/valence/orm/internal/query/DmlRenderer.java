package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IdGeneration;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.ConflictAction;
import io.valence.orm.query.ConflictTarget;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Dml;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Renders {@link Insert}, {@link Update} and {@link Delete} for PostgreSQL. Every value is bound,
 * converted by its column's type; an entity given for a many-to-one binds its id. A statement
 * returns every column of the entity, in mapping order, when it asks for {@code returning()} or
 * synchronizes the session (the default), so the executor reads its rows like a select's. Pure
 * and thread-safe; not cached, since DML text depends on its number of rows.
 */
public final class DmlRenderer {
    /** PostgreSQL's limit on the parameters of one statement (a 16-bit count in the protocol). */
    static final int MAX_PARAMETERS = 65535;

    private final Metamodel metamodel;

    /**
     * Creates a renderer for the entities of a metamodel.
     *
     * @param metamodel the mapped entities
     */
    public DmlRenderer(Metamodel metamodel) {
        this.metamodel = Objects.requireNonNull(metamodel, "metamodel must not be null");
    }

    /**
     * Renders any DML statement.
     *
     * @param dml an insert, update or delete
     * @return the statement, its entity and whether it returns rows
     * @throws IllegalArgumentException for an unknown property, a value that does not fit its column,
     *     an update without assignments, an insert without rows or with more than 65535 parameters
     */
    public RenderedDml render(Dml<?> dml) {
        Objects.requireNonNull(dml, "dml must not be null");
        if (dml instanceof Insert<?> insert) {
            return insert(insert);
        }
        if (dml instanceof Update<?> update) {
            return update(update);
        }
        return delete((Delete<?>) dml);
    }

    /**
     * {@code INSERT INTO "t" ("c1", "c2") VALUES ($1, $2), ($3, $4) [ON CONFLICT …] [RETURNING …]}.
     * Map rows insert the properties they name; entity rows every column but an identity id. A
     * sequence id that a row leaves unset is drawn with {@code nextval}, a {@code GenerationType.UUID} id
     * gets a UUID v7. Rejected (not split) beyond 65535 parameters: one statement stays one atomic upsert.
     *
     * @param insert the insert
     * @return the statement
     * @throws IllegalArgumentException as {@link #render(Dml)}
     */
    public RenderedDml insert(Insert<?> insert) {
        EntityMapping mapping = metamodel.entity(insert.entityType());
        refuseJoined(mapping, "Insert");
        if (mapping.inheritance() != null && mapping.inheritance().isView()) {
            throw QueryErrors.insertIntoBaseClass(mapping);
        }
        FromClause from = new FromClause(metamodel, mapping);
        List<ResolvedColumn> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        if (!insert.rows().isEmpty()) {
            insert.rowProperties().forEach(property -> columns.add(own(from, property)));
            insert.rows().forEach(row -> rows.add(new ArrayList<>(row.values())));
            addDiscriminator(mapping, from, columns, rows);
        } else {
            for (ColumnMapping column : mapping.columns()) {
                if (column.role() != ColumnMapping.Role.ID || !isIdentity(mapping)) {
                    columns.add(from.column(null, mapping, column, column.property()));
                }
            }
            for (Object entity : insert.entityRows()) {
                rows.add(columns.stream().map(column -> column.column().accessor().get(entity)).toList());
            }
        }
        if (rows.isEmpty()) {
            throw QueryErrors.insertWithoutRows(mapping);
        }
        int idColumn = drawnIdColumn(from, mapping, columns, rows);
        int assignments = insert.conflictAction().orElse(null) instanceof ConflictAction.DoUpdateSet set
                ? set.assignments().size() : 0;
        if ((long) rows.size() * columns.size() + assignments > MAX_PARAMETERS) {
            throw QueryErrors.tooManyParameters(mapping, rows.size(), columns.size(), MAX_PARAMETERS - assignments);
        }
        Parameters parameters = new Parameters();
        StringJoiner values = new StringJoiner(", ");
        for (List<Object> row : rows) {
            StringJoiner markers = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < columns.size(); i++) {
                boolean drawn = i == idColumn && row.get(i) == null;
                markers.add(drawn && mapping.idGeneration().strategy() == IdGeneration.Strategy.SEQUENCE ? nextval(mapping)
                        : parameters.add(fixed(columns.get(i), drawn ? metamodel.newUuid() : row.get(i))));
            }
            values.add(markers.toString());
        }
        String sql = "INSERT INTO " + Identifiers.quote(mapping.table()) + " (" + names(columns) + ") VALUES " + values
                + onConflict(from, insert, parameters);
        return finish(sql, mapping, parameters, null, insert, ConditionSplit.NONE);
    }

    /** Bulk DML writes one table; the rows of a {@code JOINED} class span several. */
    private static void refuseJoined(EntityMapping mapping, String kind) {
        if (mapping.inheritance() != null && mapping.inheritance().isJoined()) {
            throw QueryErrors.bulkDmlOfJoinedClass(mapping, kind);
        }
    }

    /** A subclass's rows given as maps get its discriminator value, as its objects do. */
    private static void addDiscriminator(EntityMapping mapping, FromClause from, List<ResolvedColumn> columns,
            List<List<Object>> rows) {
        if (mapping.inheritance() == null) {
            return;
        }
        ColumnMapping discriminator = mapping.columns().get(mapping.inheritance().discriminatorIndex());
        if (columns.stream().noneMatch(column -> column.column() == discriminator)) {
            columns.add(from.column(null, mapping, discriminator, discriminator.property()));
            rows.forEach(row -> row.add(mapping.inheritance().value()));
        }
    }

    private static boolean isIdentity(EntityMapping mapping) {
        return mapping.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY;
    }

    /**
     * For an id drawn from a sequence or a {@code GenerationType.UUID} id, the index of the id column,
     * added (with null values) when the rows do not set it: the column has no default (the flush or
     * {@code add()} draws ids), so a row without an id must draw one with {@code nextval}, or get a
     * UUID v7 as a bound value, or violate the primary key. {@code -1} otherwise.
     */
    private static int drawnIdColumn(
            FromClause from, EntityMapping mapping, List<ResolvedColumn> columns, List<List<Object>> rows) {
        IdGeneration.Strategy strategy = mapping.idGeneration().strategy();
        if (strategy != IdGeneration.Strategy.SEQUENCE && strategy != IdGeneration.Strategy.UUID) {
            return -1;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).column().role() == ColumnMapping.Role.ID) {
                return i;
            }
        }
        columns.add(0, from.column(null, mapping, mapping.id(), mapping.id().property()));
        for (int r = 0; r < rows.size(); r++) {
            List<Object> withId = new ArrayList<>(rows.get(r));
            withId.add(0, null);
            rows.set(r, withId);
        }
        return 0;
    }

    private static String nextval(EntityMapping mapping) {
        return "nextval(" + Identifiers.literal(Identifiers.quote(mapping.idGeneration().sequence())) + "::regclass)";
    }

    /**
     * {@code UPDATE "t" AS t0 SET "c" = $1 [WHERE …] [RETURNING t0.…]}. Conditions name the entity's
     * own columns only.
     *
     * @param update the update
     * @return the statement
     * @throws IllegalArgumentException as {@link #render(Dml)}
     */
    public RenderedDml update(Update<?> update) {
        EntityMapping mapping = metamodel.entity(update.entityType());
        refuseJoined(mapping, "Update");
        if (update.assignments().isEmpty()) {
            throw QueryErrors.updateWithoutAssignments(mapping);
        }
        FromClause from = new FromClause(metamodel, mapping);
        Parameters parameters = new Parameters();
        StringJoiner assignments = new StringJoiner(", ");
        for (Map.Entry<String, Object> assignment : update.assignments().entrySet()) {
            ResolvedColumn column = own(from, assignment.getKey());
            assignments.add(column.sql() + " = " + parameters.add(fixed(column, assignment.getValue())));
        }
        ConditionSplit where = ConditionSplit.of(update.where().orElse(null));
        String sql = "UPDATE " + table(mapping) + " SET " + assignments + where("UPDATE", from, where, parameters);
        return finish(sql, mapping, parameters, FromClause.ROOT, update, where);
    }

    /**
     * {@code DELETE FROM "t" AS t0 [WHERE …] [RETURNING t0.…]}. Conditions name the entity's own
     * columns only.
     *
     * @param delete the delete
     * @return the statement
     * @throws IllegalArgumentException as {@link #render(Dml)}
     */
    public RenderedDml delete(Delete<?> delete) {
        EntityMapping mapping = metamodel.entity(delete.entityType());
        refuseJoined(mapping, "Delete");
        FromClause from = new FromClause(metamodel, mapping);
        Parameters parameters = new Parameters();
        ConditionSplit where = ConditionSplit.of(delete.where().orElse(null));
        String sql = "DELETE FROM " + table(mapping) + where("DELETE", from, where, parameters);
        return finish(sql, mapping, parameters, FromClause.ROOT, delete, where);
    }

    private static RenderedDml finish(
            String sql, EntityMapping mapping, Parameters parameters, String alias, Dml<?> dml, ConditionSplit where) {
        boolean returnsRows = dml.isReturning() || dml.isSynchronizeSession();
        StringJoiner returning = new StringJoiner(", ", " RETURNING ", "");
        for (ColumnMapping column : mapping.columns()) {
            returning.add(alias == null ? Identifiers.quote(column.column()) : Identifiers.qualified(alias, column.column()));
        }
        String text = returnsRows ? sql + returning : sql;
        QueryValues values = new QueryValues(where.values(), null, null);
        return new RenderedDml(new SqlStatement(text, Parameters.bind(parameters.slots(), values)), mapping, returnsRows);
    }

    private static String onConflict(FromClause from, Insert<?> insert, Parameters parameters) {
        ConflictTarget target = insert.conflictTarget().orElse(null);
        if (target == null) {
            return "";
        }
        String clause = target instanceof ConflictTarget.Properties properties
                ? " ON CONFLICT (" + names(properties.properties().stream().map(p -> own(from, p)).toList()) + ")"
                : " ON CONFLICT ON CONSTRAINT " + Identifiers.quote(((ConflictTarget.Constraint) target).name());
        ConflictAction action = insert.conflictAction().orElseThrow();
        if (action instanceof ConflictAction.DoNothing) {
            return clause + " DO NOTHING";
        }
        StringJoiner sets = new StringJoiner(", ", " DO UPDATE SET ", "");
        if (action instanceof ConflictAction.DoUpdate update) {
            for (String property : update.properties()) {
                String name = own(from, property).sql();
                sets.add(name + " = EXCLUDED." + name);
            }
        } else {
            for (Map.Entry<String, Object> assignment : ((ConflictAction.DoUpdateSet) action).assignments().entrySet()) {
                ResolvedColumn column = own(from, assignment.getKey());
                sets.add(column.sql() + " = " + parameters.add(fixed(column, assignment.getValue())));
            }
        }
        return clause + sets;
    }

    private static String where(String statement, FromClause from, ConditionSplit where, Parameters parameters) {
        String filter = DiscriminatorFilter.condition(from.root(), FromClause.ROOT, parameters);
        if (where.shape() == null) {
            return filter.isEmpty() ? "" : " WHERE " + filter;
        }
        ConditionRenderer renderer = new ConditionRenderer(path -> {
            if (path.contains(".")) {
                throw QueryErrors.bulkPathNotSupported(statement, from.root(), path);
            }
            return from.resolve(path);
        }, parameters);
        return " WHERE " + (filter.isEmpty() ? "" : filter + " AND (") + renderer.render(where.shape())
                + (filter.isEmpty() ? "" : ")");
    }

    /** A property of the entity itself as an unqualified column name, as INSERT and SET take them. */
    private static ResolvedColumn own(FromClause from, String property) {
        ResolvedColumn qualified = from.resolve(property);
        return from.column(null, qualified.owner(), qualified.column(), property);
    }

    private static BindSlot fixed(ResolvedColumn column, Object value) {
        return new BindSlot.Fixed(BindValues.scalar(column, value));
    }

    private static String names(List<ResolvedColumn> columns) {
        StringJoiner names = new StringJoiner(", ");
        columns.forEach(column -> names.add(column.sql()));
        return names.toString();
    }

    private static String table(EntityMapping mapping) {
        return Identifiers.quote(mapping.table()) + " AS " + FromClause.ROOT;
    }
}
