package io.valence.orm.query;

/**
 * Starts a {@link LoadOption}, the way a {@link Select} asks for relationships to be loaded with
 * its results. SQLAlchemy's {@code joinedload} and {@code selectinload}; Django's
 * {@code select_related} and {@code prefetch_related}.
 *
 * <pre>{@code
 * Select.from(Child.class)
 *       .options(Load.joined("parent"),                       // same query, LEFT OUTER JOIN
 *                Load.selectIn("siblings").joined("parent"));  // a second query, then a join in it
 * }</pre>
 *
 * <p>A relationship left out is not loaded; touching it throws {@code RelationshipNotLoadedException}.
 */
public final class Load {

    private Load() {}

    /**
     * Loads {@code relationship} of the queried entity in the same query, by a
     * {@code LEFT OUTER JOIN}, related entities de-duplicated. Suits many-to-one and one-to-one.
     *
     * @param relationship a relationship property of the queried entity, such as {@code "parent"}
     * @return an option that further relationships can be chained onto
     */
    public static LoadOption joined(String relationship) {
        return LoadOption.of(new LoadStep(relationship, LoadStrategy.JOINED));
    }

    /**
     * Loads {@code relationship} of the queried entity by one more query for all results at once,
     * {@code WHERE key = ANY($1)}. Suits one-to-many collections.
     *
     * @param relationship a relationship property of the queried entity, such as {@code "children"}
     * @return an option that further relationships can be chained onto
     */
    public static LoadOption selectIn(String relationship) {
        return LoadOption.of(new LoadStep(relationship, LoadStrategy.SELECT_IN));
    }
}
