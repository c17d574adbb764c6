/**
 * What Valence's tests, and its users' tests, need from a database: a real PostgreSQL chosen
 * without anyone starting one by hand ({@link io.valence.orm.testkit.TestDatabase}), a fresh
 * database per test class ({@link io.valence.orm.testkit.IsolatedDatabase}), the JUnit 5
 * extension that hands them out ({@link io.valence.orm.testkit.ValenceTest}) and a statement
 * recorder with assertions on what reached the server
 * ({@link io.valence.orm.testkit.StatementRecorder}), and helpers for deterministic concurrency
 * tests: {@link io.valence.orm.testkit.Race} subscribes publishers at the same instant from
 * separate threads, {@link io.valence.orm.testkit.HeldOperation} keeps a stream in flight.
 */
@NullMarked
package io.valence.orm.testkit;

import org.jspecify.annotations.NullMarked;
