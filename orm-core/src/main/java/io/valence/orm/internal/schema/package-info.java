/**
 * Not API. PostgreSQL DDL for a {@link io.valence.orm.internal.mapping.Metamodel}: CREATE and DROP
 * statements in foreign key order, with an index on every foreign key; and the comparison of a
 * metamodel with a database's catalog ({@link io.valence.orm.internal.schema.SchemaComparison}).
 * Pure, no I/O.
 *
 * <p>Decisions: the catalog is read from {@code pg_catalog} rather than {@code information_schema}
 * because {@code format_type} gives a column's full type ({@code character varying(50)}, where
 * information_schema splits it over several columns) and {@code pg_index} gives index column order,
 * which information_schema does not have; tables are those the {@code search_path} resolves, as for
 * every other statement. Only what makes Valence's statements fail or lose a guarantee is reported:
 * extra nullable columns, extra indexes and foreign key constraints themselves are the migration's
 * business.
 */
package io.valence.orm.internal.schema;
