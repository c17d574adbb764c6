/**
 * Spring Data R2DBC through {@code R2dbcEntityTemplate} on an r2dbc-pool pool, with transactions
 * from {@code R2dbcTransactionManager} and {@code TransactionalOperator}. Relationships are
 * handled as its documentation recommends: one aggregate per table, and children loaded by a
 * second query on the parents' ids.
 */
package io.valence.orm.benchmarks.spring;
