package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import jakarta.persistence.Entity;
import java.nio.charset.StandardCharsets;
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
    /** PostgreSQL's identifier limit (NAMEDATALEN - 1). */
    private static final int MAX_NAME_BYTES = 63;

    private final Collection<Class<?>> types;
    private final MappingOptions options;
    private final List<String> problems = new ArrayList<>();

    MetamodelReader(Collection<Class<?>> types, MappingOptions options) {
        this.types = new LinkedHashSet<>(types);
        this.options = options;
    }

    Metamodel read() {
        Map<Class<?>, EntityReader> readers = new LinkedHashMap<>();
        ColumnTypes columnTypes = new ColumnTypes(options, problems);
        HierarchyReader hierarchies = new HierarchyReader(problems);
        for (Class<?> type : HierarchyReader.parentsFirst(types)) {
            if (!type.isAnnotationPresent(Entity.class)) {
                problems.add(type.getName() + " is not annotated with @jakarta.persistence.Entity; annotate it, or"
                        + " remove it from entities(…)");
                continue;
            }
            EntityReader reader = new EntityReader(type, problems, columnTypes);
            hierarchies.link(reader, readers);
            reader.readOwnFields();
            readers.put(type, reader);
        }
        hierarchies.check(readers);
        checkTablesAreDistinct(readers);
        for (EntityReader reader : readers.values()) {
            reader.resolveRelationships(readers);
        }
        if (!problems.isEmpty()) {
            throw MappingException.ofProblems(problems);
        }
        Map<Class<?>, EntityMapping> mappings = hierarchies.toMappings(readers);
        mappings.values().forEach(this::checkNameLengths);
        checkSequencesAgree(mappings.values());
        checkIndexNamesAreDistinct(mappings.values());
        if (!problems.isEmpty()) {
            throw MappingException.ofProblems(problems);
        }
        return new Metamodel(mappings, options);
    }

    /** PostgreSQL silently cuts longer names to 63 bytes; the statements Valence writes would then miss them. */
    private void checkNameLengths(EntityMapping mapping) {
        checkNameLength(mapping.table(), "table", mapping.name(), "@Table(name = …)");
        for (ColumnMapping column : mapping.columns()) {
            checkNameLength(column.column(), "column", mapping.name() + "." + column.property(),
                    column.isForeignKey() ? "@JoinColumn(name = …)" : "@Column(name = …)");
        }
        if (mapping.idGeneration().strategy() == IdGeneration.Strategy.SEQUENCE) {
            checkNameLength(mapping.idGeneration().sequence(), "sequence", mapping.name() + "." + mapping.id().property(),
                    "@SequenceGenerator(sequenceName = …)");
        }
        for (IndexMapping index : mapping.indexes()) {
            if (index.name() != null) {
                checkNameLength(index.name(), "index", mapping.name(), "a shorter name in @Table(indexes/uniqueConstraints)");
            }
        }
    }

    private void checkNameLength(String name, String kind, String where, String fix) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            problems.add(where + " maps to " + kind + " \"" + name + "\", which is " + bytes + " bytes long; PostgreSQL"
                    + " cuts names to " + MAX_NAME_BYTES + " bytes, so statements using the full name would fail: give"
                    + " it a shorter name with " + fix);
        }
    }

    /** Two entities may share a sequence, but then they must agree on its increment. */
    private void checkSequencesAgree(Collection<EntityMapping> mappings) {
        Map<String, EntityMapping> bySequence = new HashMap<>();
        for (EntityMapping mapping : mappings) {
            IdGeneration generation = mapping.idGeneration();
            if (generation.strategy() != IdGeneration.Strategy.SEQUENCE) {
                continue;
            }
            EntityMapping previous = bySequence.putIfAbsent(generation.sequence(), mapping);
            if (previous != null && previous.idGeneration().allocationSize() != generation.allocationSize()) {
                problems.add(mapping.name() + "." + mapping.id().property() + " and " + previous.name() + "."
                        + previous.id().property() + " share sequence \"" + generation.sequence() + "\" with"
                        + " different allocationSize (" + generation.allocationSize() + " and "
                        + previous.idGeneration().allocationSize() + "); one sequence has one increment: use the same"
                        + " allocationSize, or give each its own sequenceName");
            }
        }
    }

    /** PostgreSQL keeps index and constraint names unique per schema, so two declarations may not share one. */
    private void checkIndexNamesAreDistinct(Collection<EntityMapping> mappings) {
        Map<String, EntityMapping> byName = new HashMap<>();
        for (EntityMapping mapping : mappings) {
            for (IndexMapping index : mapping.indexes()) {
                if (index.name() == null) {
                    continue;
                }
                EntityMapping previous = byName.putIfAbsent(index.name(), mapping);
                if (previous != null) {
                    problems.add((previous == mapping ? mapping.name() + " declares" : mapping.name() + " and "
                            + previous.name() + " both declare") + " an index or unique constraint named \""
                            + index.name() + "\" more than once; PostgreSQL needs these names unique per schema:"
                            + " rename one in @Table(indexes/uniqueConstraints)");
                }
            }
        }
    }

    private void checkTablesAreDistinct(Map<Class<?>, EntityReader> readers) {
        Map<String, Class<?>> owners = new HashMap<>();
        for (EntityReader reader : readers.values()) {
            if (reader.sharesTable()) {
                continue; // a subclass shares its root's table
            }
            Class<?> previous = owners.putIfAbsent(reader.table(), reader.type());
            if (previous != null) {
                problems.add(previous.getSimpleName() + " and " + reader.type().getSimpleName()
                        + " are both mapped to table \"" + reader.table() + "\"; give one of them another name"
                        + " with @Table(name = …)");
            }
        }
    }
}
