/**
 * Not API. PostgreSQL DDL for a {@link io.valence.orm.internal.mapping.Metamodel}: CREATE and DROP
 * statements in foreign key order, with an index on every foreign key. Pure, no I/O.
 */
package io.valence.orm.internal.schema;
