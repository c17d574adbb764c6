/** Not API. Flush planning: the order and grouping of the statements one flush sends. Pure, no I/O. */
package io.valence.orm.internal.flush;
