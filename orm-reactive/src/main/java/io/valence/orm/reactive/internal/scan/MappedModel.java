package io.valence.orm.reactive.internal.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.valence.orm.MappingException;
import io.valence.orm.internal.mapping.MappingOptions;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.reactive.internal.session.JacksonJsonCodec;
import io.valence.orm.reactive.internal.session.TimeOrderedUuids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a builder was given for its model (entity and converter classes, packages to scan, the
 * ObjectMapper), read into a metamodel at build time with the UUID v7 source and the JSON codec.
 */
public final class MappedModel {
    private final Set<Class<?>> entities = new LinkedHashSet<>();
    private final Set<Class<?>> converters = new LinkedHashSet<>();
    private final List<String> packages = new ArrayList<>();
    private ObjectMapper objectMapper;

    /** @param types entity classes to map */
    public void entities(Class<?>[] types) {
        entities.addAll(List.of(types));
    }

    /** @param type an AttributeConverter class to use */
    public void converter(Class<?> type) {
        converters.add(type);
    }

    /** @param names packages whose entities and converters to map */
    public void packages(String[] names) {
        packages.addAll(List.of(names));
    }

    /** @param mapper the mapper of JSON columns */
    public void objectMapper(ObjectMapper mapper) {
        this.objectMapper = mapper;
    }

    /**
     * Reads and validates the model.
     *
     * @return the metamodel
     * @throws MappingException when nothing is registered, or listing every problem of the model
     */
    public Metamodel read() {
        Set<Class<?>> allEntities = new LinkedHashSet<>(entities);
        Set<Class<?>> allConverters = new LinkedHashSet<>(converters);
        if (!packages.isEmpty()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            EntityScanner.Found found = EntityScanner.scan(loader != null ? loader : MappedModel.class.getClassLoader(),
                    packages);
            allEntities.addAll(found.entities());
            allConverters.addAll(found.converters());
        }
        if (allEntities.isEmpty()) {
            throw new MappingException("No entity classes were registered; call entities(…) or scanPackages(…)"
                    + " before build()");
        }
        return Metamodel.of(allEntities, new MappingOptions(List.copyOf(allConverters), TimeOrderedUuids.generator(),
                new JacksonJsonCodec(objectMapper)));
    }
}
