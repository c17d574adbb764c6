package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.mapping.EntityMapping;

/** Checks an id argument against the entity's key type before any SQL, widening integral numbers where safe. */
final class IdArguments {
    private IdArguments() {}

    static Object coerce(EntityMapping mapping, Object id) {
        if (id == null) {
            throw new IllegalArgumentException("get(" + mapping.name() + ".class, null): an id is required");
        }
        Class<?> expected = mapping.id().type().javaType();
        if (expected.isInstance(id)) {
            return id;
        }
        if (expected == Long.class && (id instanceof Integer || id instanceof Short)) {
            return ((Number) id).longValue();
        }
        if (expected == Integer.class && id instanceof Short s) {
            return s.intValue();
        }
        throw new IllegalArgumentException(mapping.name() + "'s id (" + mapping.name() + "." + mapping.id().property()
                + ") is a " + expected.getSimpleName() + ", but a " + id.getClass().getSimpleName() + " (" + id
                + ") was passed; pass a " + expected.getSimpleName());
    }
}
