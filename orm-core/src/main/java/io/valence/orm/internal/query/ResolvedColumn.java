package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;

/**
 * A property path resolved to one column of one table alias, with what binding a value to it needs.
 *
 * @param sql the qualified reference, such as {@code t1."value"}
 * @param column the column
 * @param owner the entity the column belongs to
 * @param reference for a foreign key, the entity it refers to (an instance of it binds its id); else null
 * @param path the path as the user wrote it, for messages
 */
record ResolvedColumn(String sql, ColumnMapping column, EntityMapping owner, EntityMapping reference, String path) {}
