package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;

/**
 * One entity whose columns a row holds. {@code entities.get(0)} is the root (parent = -1, via = null);
 * its columns are {@code mapping.columns()} in order, from {@code offset}.
 *
 * @param mapping the entity
 * @param offset index of its first column in the row, from 0
 * @param parent index (in the same list) of the entity it was joined from, or -1 for the root
 * @param via the relationship of the parent entity that it fills, or {@code null} for the root
 */
public record SelectedEntity(EntityMapping mapping, int offset, int parent, RelationshipMapping via) {}
