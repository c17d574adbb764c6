package io.valence.orm.query;

/** How a relationship named in a {@link LoadOption} is loaded together with a query's results. */
public enum LoadStrategy {
    /**
     * In the same query, by a {@code LEFT OUTER JOIN}, the related rows de-duplicated
     * (SQLAlchemy's {@code joinedload}, Django's {@code select_related}). Best for many-to-one.
     */
    JOINED,
    /**
     * By one more query for all the results at once, {@code WHERE key = ANY($1)} (SQLAlchemy's
     * {@code selectinload}, Django's {@code prefetch_related}). Best for collections.
     */
    SELECT_IN
}
