/**
 * Not API. Runs a flush plan that orm-core decided, step after step, on the session's transaction
 * channel, and applies each step's answer (generated ids, touched rows) to the unit of work.
 */
package io.valence.orm.reactive.internal.flush;
