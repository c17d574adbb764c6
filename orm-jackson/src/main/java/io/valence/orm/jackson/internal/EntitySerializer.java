package io.valence.orm.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes an entity with Jackson's own serializer, unless the same object is already being written
 * further up in this call: then it writes {@code {"<id>": value}} instead, which ends every cycle
 * (a child's parent inside the parent's children) after one level. The objects on the current path
 * are kept in the call's attributes, so concurrent calls of one {@code ObjectMapper} never share them.
 */
final class EntitySerializer extends StdSerializer<Object> implements ContextualSerializer, ResolvableSerializer {
    private static final long serialVersionUID = 1L;
    private static final Object PATH = EntitySerializer.class;

    private final transient JsonSerializer<Object> delegate;
    private final transient Field id;

    @SuppressWarnings("unchecked")
    EntitySerializer(Class<?> type, JsonSerializer<?> delegate, Field id) {
        super((Class<Object>) type);
        this.delegate = (JsonSerializer<Object>) delegate;
        this.id = id;
    }

    @Override
    public void serialize(Object entity, JsonGenerator generator, SerializerProvider provider) throws IOException {
        Set<Object> path = path(provider);
        if (!path.add(entity)) {
            writeReference(entity, generator, provider);
            return;
        }
        try {
            delegate.serialize(entity, generator, provider);
        } finally {
            path.remove(entity);
        }
    }

    @Override
    public void serializeWithType(Object entity, JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        Set<Object> path = path(provider);
        if (!path.add(entity)) {
            writeReference(entity, generator, provider);
            return;
        }
        try {
            delegate.serializeWithType(entity, generator, provider, types);
        } finally {
            path.remove(entity);
        }
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
        if (delegate instanceof ContextualSerializer contextual) {
            return new EntitySerializer(handledType(), contextual.createContextual(provider, property), id);
        }
        return this;
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
        if (delegate instanceof ResolvableSerializer resolvable) {
            resolvable.resolve(provider);
        }
    }

    private void writeReference(Object entity, JsonGenerator generator, SerializerProvider provider) throws IOException {
        Object value;
        try {
            value = id.get(entity);
        } catch (IllegalAccessException e) {
            throw JsonMappingException.from(provider, "Cannot read the id of " + entity.getClass().getName(), e);
        }
        generator.writeStartObject(entity);
        provider.defaultSerializeField(id.getName(), value, generator);
        generator.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> path(SerializerProvider provider) {
        Set<Object> path = (Set<Object>) provider.getAttribute(PATH);
        if (path == null) {
            path = Collections.newSetFromMap(new IdentityHashMap<>());
            provider.setAttribute(PATH, path);
        }
        return path;
    }
}
