/** Not API. SQL text for PostgreSQL: identifier quoting and statement renderers. Pure, no I/O. */
package io.valence.orm.internal.sql;
