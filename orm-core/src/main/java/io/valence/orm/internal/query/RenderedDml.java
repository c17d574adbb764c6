package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.sql.SqlStatement;

/**
 * A rendered INSERT, UPDATE or DELETE.
 *
 * @param statement the text and binds
 * @param mapping the entity whose table it changes
 * @param returnsRows whether it ends in {@code RETURNING} every column of {@code mapping}, in mapping
 *     order: the rows read like a select whose one entity starts at offset 0
 */
public record RenderedDml(SqlStatement statement, EntityMapping mapping, boolean returnsRows) {}
