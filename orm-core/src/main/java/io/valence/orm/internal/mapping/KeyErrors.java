package io.valence.orm.internal.mapping;

/** Builds the error messages about key values a caller passes or sets, one factory per message. */
public final class KeyErrors {
    private KeyErrors() {}

    /**
     * An object with a composite key was added while a key part was {@code null}.
     *
     * @param mapping the entity
     * @param part the first key column whose value is missing
     * @return the error, thrown by {@code add()} before any SQL
     */
    public static IllegalArgumentException partMissingAtAdd(EntityMapping mapping, ColumnMapping part) {
        return new IllegalArgumentException("A " + mapping.name() + " cannot be added: its key part " + mapping.name()
                + "." + part.property() + " (column \"" + part.column() + "\") is null; the parts of a composite key are"
                + " assigned by the application: set every part of the key before add()");
    }

    /**
     * A key passed to {@code get} or another lookup has a {@code null} part.
     *
     * @param mapping the entity
     * @param part the first key column whose value is missing
     * @param call the call, as the message names it, e.g. {@code get(OrderLine.class, key)}
     * @return the error, thrown at the call before any SQL
     */
    public static IllegalArgumentException partMissingInKey(EntityMapping mapping, ColumnMapping part, String call) {
        return new IllegalArgumentException(call + ": the key's part " + part.property() + " (column \"" + part.column()
                + "\") is null, and no " + mapping.name() + " row has a NULL key part; pass a "
                + mapping.key().keyClass().getSimpleName() + " with every part set");
    }

    /**
     * A key passed to {@code get} is not an instance of the entity's key class.
     *
     * @param mapping the entity, with a composite key
     * @param key the value passed
     * @param call the call, as the message names it
     * @return the error, thrown at the call before any SQL
     */
    public static IllegalArgumentException wrongKeyClass(EntityMapping mapping, Object key, String call) {
        String expected = mapping.key().keyClass().getSimpleName();
        return new IllegalArgumentException(call + ": " + mapping.name() + " has a composite key of class " + expected
                + ", but a " + key.getClass().getSimpleName() + " was passed; pass a " + expected + " with every part"
                + " set");
    }
}
