/**
 * Not API. Rows become the session's objects: reading an entity's columns from a row, and (pure,
 * tested as data) the wiring of relationships, collection snapshots and de-duplication. The
 * reactive side only streams rows into it.
 *
 * <p>Decisions: a row is seen through {@link io.valence.orm.internal.load.ResultRow}, so that
 * loading needs no driver type and runs in tests on plain arrays.
 */
package io.valence.orm.internal.load;
