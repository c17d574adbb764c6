package io.valence.orm.internal.mapping;

import java.lang.reflect.Type;

/**
 * Writes and reads the values of JSON columns. The I/O side implements it with the builder's
 * Jackson {@code ObjectMapper}; orm-core only needs these two operations.
 */
public interface JsonCodec {
    /** For models without JSON columns (orm-core's own tests): any use says how to configure one. */
    JsonCodec NONE = new JsonCodec() {
        @Override
        public String write(Object value) {
            throw new IllegalStateException("No JSON codec was configured; pass an ObjectMapper to the builder");
        }

        @Override
        public Object read(String json, Type type) {
            throw new IllegalStateException("No JSON codec was configured; pass an ObjectMapper to the builder");
        }
    };

    /**
     * Writes a value as JSON text.
     *
     * @param value a non-null field value
     * @return its JSON text
     */
    String write(Object value);

    /**
     * Reads JSON text as a field's type.
     *
     * @param json the text the column holds
     * @param type the field's generic type, e.g. {@code List<Tag>}
     * @return the value
     */
    Object read(String json, Type type);
}
