/**
 * Valence, written as its users would: one {@code SessionFactory} on an r2dbc-pool pool,
 * {@code inTransaction} per unit of work, {@code addAll} with children cascaded from each parent's
 * collection, {@code Load.selectIn} for the graph, {@code get} for point reads, plain field
 * assignment for updates and {@code scalars} for streaming; the rich model (W8, W9) maps its address
 * with {@code @Embedded} and its document with {@code @Column(columnDefinition = "jsonb")}.
 */
package io.valence.orm.benchmarks.valence;
