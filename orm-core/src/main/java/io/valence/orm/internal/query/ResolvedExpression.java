package io.valence.orm.internal.query;

/**
 * An expression resolved against the tables of one statement.
 *
 * @param sql its SQL, such as {@code t1."name"} or {@code sum(t0."amount")::bigint}
 * @param value what its values are and how to read them
 * @param column the column it is over, or null for {@code count(*)}
 * @param aggregate whether it aggregates rows
 * @param comparesAsColumn whether a value compared with it binds like a value of {@code column}
 *     (a property, {@code min}, {@code max}) rather than as a number of the value's type
 */
record ResolvedExpression(
        String sql, ProjectedColumn value, ResolvedColumn column, boolean aggregate, boolean comparesAsColumn) {}
