package io.valence.orm.reactive.internal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valence.orm.internal.mapping.JsonCodec;
import java.lang.reflect.Type;

/** Writes and reads JSON columns with one Jackson {@link ObjectMapper}: the builder's, or a default one. */
public final class JacksonJsonCodec implements JsonCodec {
    private final ObjectMapper mapper;

    /**
     * A codec over a mapper.
     *
     * @param mapper the application's mapper, or {@code null} for one with every module on the class path
     */
    public JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper != null ? mapper : new ObjectMapper().findAndRegisterModules();
    }

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Jackson cannot write a " + value.getClass().getName() + " as JSON ("
                    + e.getOriginalMessage() + "); make the type serializable or register a module with the ObjectMapper"
                    + " given to SessionFactory.Builder#objectMapper", e);
        }
    }

    @Override
    public Object read(String json, Type type) {
        try {
            return mapper.readValue(json, mapper.constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson cannot read the JSON column's value as " + type.getTypeName() + " ("
                    + e.getOriginalMessage() + "); make the type readable (a no-arg or @JsonCreator constructor) or"
                    + " register a module with the ObjectMapper given to SessionFactory.Builder#objectMapper", e);
        }
    }
}
