/**
 * Not API. Runs queries and their select-in follow-ups, streaming each row into core's loading
 * ({@code io.valence.orm.internal.load}), which decides what the row becomes.
 */
package io.valence.orm.reactive.internal.load;
