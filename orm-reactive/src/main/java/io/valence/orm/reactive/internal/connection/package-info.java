/** Not API. One lazily acquired connection per session and its transaction. */
package io.valence.orm.reactive.internal.connection;
