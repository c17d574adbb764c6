/**
 * Not API. Rows become the session's objects, as pure code tested as data: reading an entity's
 * columns from a row, the wiring of joined and select-in relationships, collection snapshots,
 * de-duplication of repeated roots, the inverse sides a bulk statement changed, merge's copy of a
 * detached object, and the plan of a get-or-create. The reactive side only streams rows into it and
 * runs the statements it names.
 *
 * <p>Decisions: a row is seen through {@link io.valence.orm.internal.load.ResultRow}, so that
 * loading needs no driver type and runs in tests on plain arrays.
 */
package io.valence.orm.internal.load;
