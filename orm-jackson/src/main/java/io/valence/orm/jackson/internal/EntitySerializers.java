package io.valence.orm.jackson.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Adapts Jackson's bean serializers of mapped classes: relationship properties become
 * {@link RelationshipWriter}s (omitted when not loaded), and an entity's serializer becomes an
 * {@link EntitySerializer} (a reference when the entity is already being written).
 */
public final class EntitySerializers extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    /** Created by {@code ValenceJacksonModule}. */
    public EntitySerializers() {}

    @Override
    public List<BeanPropertyWriter> changeProperties(
            SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
        if (!Entities.isMapped(description.getBeanClass())) {
            return properties;
        }
        List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
        for (BeanPropertyWriter property : properties) {
            boolean relationship = property.getMember() != null && property.getMember().getAnnotated() != null
                    && Entities.isRelationship(property.getMember().getAnnotated());
            changed.add(relationship ? new RelationshipWriter(property) : property);
        }
        return changed;
    }

    @Override
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
        Class<?> type = description.getBeanClass();
        if (!Entities.isEntity(type)) {
            return serializer;
        }
        Field id = Entities.idField(type);
        return id == null ? serializer : new EntitySerializer(type, serializer, id);
    }
}
