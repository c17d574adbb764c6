package io.valence.orm.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import io.valence.orm.internal.state.UnloadedCollection;

/**
 * Writes a relationship property only when the object holds it: a collection Valence did not load
 * ({@link UnloadedCollection}, which throws on any use) and a {@code null} to-one are left out.
 */
final class RelationshipWriter extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    RelationshipWriter(BeanPropertyWriter base) {
        super(base);
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
        Object value = get(bean);
        if (value == null || value instanceof UnloadedCollection<?>) {
            return;
        }
        super.serializeAsField(bean, generator, provider);
    }
}
