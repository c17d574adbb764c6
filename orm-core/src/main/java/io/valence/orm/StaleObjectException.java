package io.valence.orm;

/**
 * An UPDATE or DELETE touched fewer rows than expected: another transaction changed the row's
 * {@code @Version} or deleted the row. Reload the object ({@code session.refresh}) and apply the
 * change again.
 */
public class StaleObjectException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final Object id;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity and id, and what to do
     * @param entityType the entity's simple class name
     * @param id the id of the stale row
     */
    public StaleObjectException(String message, String entityType, Object id) {
        super(message);
        this.entityType = entityType;
        this.id = id;
    }

    /**
     * The entity whose row was stale.
     *
     * @return the entity's simple class name
     */
    public String entityType() {
        return entityType;
    }

    /**
     * The id of the stale row.
     *
     * @return the id value
     */
    public Object id() {
        return id;
    }
}
