/**
 * The floor: r2dbc-postgresql and r2dbc-pool with hand-written SQL and the best batching the
 * driver allows, one statement carrying many rows ({@code unnest} of arrays), since the driver's
 * {@code Statement.add()} runs its bindings one after another.
 */
package io.valence.orm.benchmarks.raw;
