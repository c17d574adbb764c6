/**
 * JMH benchmarks of Valence against raw R2DBC, Hibernate Reactive and Spring Data R2DBC on one
 * PostgreSQL, with the same schema and data for every contender, and the report they produce.
 * Not API: nothing here is published for users.
 *
 * <p>Workloads: {@link io.valence.orm.benchmarks.InsertGraphBenchmark} (W1),
 * {@link io.valence.orm.benchmarks.LoadGraphBenchmark} (W2),
 * {@link io.valence.orm.benchmarks.PointReadBenchmark} (W3),
 * {@link io.valence.orm.benchmarks.DirtyUpdateBenchmark} (W4) and
 * {@link io.valence.orm.benchmarks.StreamBenchmark} (W5). {@link io.valence.orm.benchmarks.BenchmarkMain}
 * runs them all and writes the report.
 */
package io.valence.orm.benchmarks;
