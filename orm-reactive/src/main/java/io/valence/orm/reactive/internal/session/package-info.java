/** Not API. Session and factory implementations and the one-operation-at-a-time guard. */
package io.valence.orm.reactive.internal.session;
