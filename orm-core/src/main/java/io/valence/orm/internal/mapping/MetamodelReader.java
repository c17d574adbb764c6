package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a set of entity classes into a {@link Metamodel}: each class on its own first, then the
 * relationships between them. Every problem of the whole model is collected and reported at once.
 */
final class MetamodelReader {
    private final Collection<Class<?>> types;
    private final List<String> problems = new ArrayList<>();

    MetamodelReader(Collection<Class<?>> types) {
        this.types = new LinkedHashSet<>(types);
    }

    Metamodel read() {
        Map<Class<?>, EntityReader> readers = new LinkedHashMap<>();
        for (Class<?> type : types) {
            if (!type.isAnnotationPresent(Entity.class)) {
                problems.add(type.getName() + " is not annotated with @jakarta.persistence.Entity; annotate it, or"
                        + " remove it from entities(…)");
                continue;
            }
            EntityReader reader = new EntityReader(type, problems);
            reader.readOwnFields();
            readers.put(type, reader);
        }
        checkTablesAreDistinct(readers);
        Map<Class<?>, EntityMapping> mappings = new LinkedHashMap<>();
        for (EntityReader reader : readers.values()) {
            reader.resolveRelationships(readers);
        }
        if (!problems.isEmpty()) {
            throw MappingException.ofProblems(problems);
        }
        for (EntityReader reader : readers.values()) {
            mappings.put(reader.type(), reader.toMapping());
        }
        return new Metamodel(mappings);
    }

    private void checkTablesAreDistinct(Map<Class<?>, EntityReader> readers) {
        Map<String, Class<?>> owners = new HashMap<>();
        for (EntityReader reader : readers.values()) {
            Class<?> previous = owners.putIfAbsent(reader.table(), reader.type());
            if (previous != null) {
                problems.add(reader.type().getSimpleName() + " and " + previous.getSimpleName()
                        + " are both mapped to table \"" + reader.table() + "\"; give one of them another name"
                        + " with @Table(name = …)");
            }
        }
    }
}
