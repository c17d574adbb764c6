/** Not API. Structured fan-out across sessions: TaskGroup, gather and all-or-nothing forms. */
package io.valence.orm.reactive.internal.fanout;
