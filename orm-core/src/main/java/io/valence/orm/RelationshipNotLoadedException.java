package io.valence.orm;

/**
 * A relationship that was not loaded was touched. Valence never loads relationships implicitly
 * (no hidden blocking I/O): load it with {@code Load.selectIn(...)} / {@code Load.joined(...)} in
 * the query, or with {@code session.fetch(entity, relationship)}.
 */
public class RelationshipNotLoadedException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final String relationship;

    /**
     * Creates the exception.
     *
     * @param entityType the simple name of the entity that owns the relationship
     * @param relationship the relationship's property name
     */
    public RelationshipNotLoadedException(String entityType, String relationship) {
        super(entityType + "." + relationship + " was not loaded, and Valence never loads relationships"
                + " implicitly. Load it in the query with .options(Load.selectIn(\"" + relationship
                + "\")) or Load.joined(\"" + relationship + "\"), or load it now with session.fetch(entity, \""
                + relationship + "\").");
        this.entityType = entityType;
        this.relationship = relationship;
    }

    /**
     * The entity whose relationship was touched.
     *
     * @return the entity's simple class name
     */
    public String entityType() {
        return entityType;
    }

    /**
     * The relationship that was touched.
     *
     * @return the property name
     */
    public String relationship() {
        return relationship;
    }
}
