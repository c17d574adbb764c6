/**
 * Hibernate Reactive (Mutiny API) on the Vert.x PostgreSQL client, configured as its guide
 * recommends for bulk work: pooled sequence ids ({@code allocationSize} 1000, so ids need no
 * round trip per row and inserts can be batched), {@code hibernate.jdbc.batch_size} 1000 with
 * ordered inserts and updates, and a join fetch for eager loading.
 */
package io.valence.orm.benchmarks.hibernate;
