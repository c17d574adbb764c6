/**
 * Not API. Session and factory implementations and the one-operation-at-a-time guard.
 *
 * <p>Decisions: observations ({@code SessionObservations}) wrap the publishers of sessions, flushes,
 * queries and commits from outside, so the operation runner and the transaction channel know nothing
 * of them; the current observation travels in the Reactor context under Micrometer's own key, where
 * Spring WebFlux puts a request's, so Valence's spans nest under it. Statements are counted where
 * they are sent (the statement runner reads a counter from that context) rather than from the plan,
 * so that select-in queries and autoflushes count what really went out. Rows and statements per table
 * of a flush are high-cardinality values (tables are few, but they are data, not tags); per-statement
 * events give Boot its counters. The noop registry returns each publisher unwrapped.
 */
package io.valence.orm.reactive.internal.session;
