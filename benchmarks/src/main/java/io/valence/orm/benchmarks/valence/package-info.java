/**
 * Valence, written as its users would: one {@code SessionFactory} on an r2dbc-pool pool,
 * {@code inTransaction} per unit of work, {@code addAll} with children cascaded from each parent's
 * collection, {@code Load.selectIn} for the graph, {@code get} for point reads, plain field
 * assignment for updates and {@code scalars} for streaming.
 */
package io.valence.orm.benchmarks.valence;
