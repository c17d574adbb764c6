package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.KeyErrors;

/**
 * Checks an id argument against the entity's key type before any SQL, widening integral numbers where
 * safe; a composite key must be of the key class with every part set.
 */
final class IdArguments {
    private IdArguments() {}

    static Object coerce(EntityMapping mapping, Object id) {
        if (id == null) {
            throw new IllegalArgumentException("get(" + mapping.name() + ".class, null): an id is required");
        }
        if (mapping.key().isComposite()) {
            return completeKey(mapping, id);
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

    /** A composite key must be of the key class with every part set: no row has a NULL key part. */
    private static Object completeKey(EntityMapping mapping, Object key) {
        String call = "get(" + mapping.name() + ".class, key)";
        if (!mapping.key().keyClass().isInstance(key)) {
            throw KeyErrors.wrongKeyClass(mapping, key, call);
        }
        for (int i = 0; i < mapping.key().parts().size(); i++) {
            if (mapping.key().part(key, i) == null) {
                throw KeyErrors.partMissingInKey(mapping, mapping.key().parts().get(i), call);
            }
        }
        return key;
    }
}
