package io.valence.orm.internal.mapping;

/**
 * The text of a JSON value as orm-core binds and reads it: a type of its own, so that the I/O side
 * can bind it as the driver's JSON type (a plain String would be bound as varchar, which PostgreSQL
 * does not assign to a json or jsonb column).
 *
 * @param text the JSON text
 */
public record JsonText(String text) {}
