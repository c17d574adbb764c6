package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import java.util.List;

/**
 * A property path that names a whole composite key: a to-one whose target has a composite key (its
 * foreign key columns), or an {@code @EmbeddedId} (the key columns). A condition compares it part by
 * part with an instance of {@code referenced} or a key object of it.
 *
 * @param columns by key part, the column compared
 * @param referenced the entity whose key the columns hold
 * @param path the path as the user wrote it, for messages
 */
record KeyColumns(List<ResolvedColumn> columns, EntityMapping referenced, String path) {}
