/** Not API. Running statements: binding, row reading, flush execution and error translation. */
package io.valence.orm.reactive.internal.execution;
