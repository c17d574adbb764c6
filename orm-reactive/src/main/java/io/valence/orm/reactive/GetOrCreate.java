package io.valence.orm.reactive;

/**
 * The outcome of {@code getOrCreate} / {@code updateOrCreate}.
 *
 * @param entity the session's object for the row
 * @param created whether this call inserted the row
 * @param <T> the entity type
 */
public record GetOrCreate<T>(T entity, boolean created) {}
