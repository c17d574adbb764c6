package io.valence.orm.internal.mapping;

/** Converts a field value to what the driver binds, and a value the driver read back to the field's type. */
public interface ValueConverter {
    /** Values the driver handles as they are. */
    ValueConverter IDENTITY = new ValueConverter() {
        @Override
        public Object toDriver(Object value) {
            return value;
        }

        @Override
        public Object fromDriver(Object value) {
            return value;
        }
    };

    /**
     * Converts a field value for binding.
     *
     * @param value the field value, never {@code null}
     * @return the value to bind
     */
    Object toDriver(Object value);

    /**
     * Converts a value read from a row.
     *
     * @param value the driver's value, never {@code null}
     * @return the value for the field
     */
    Object fromDriver(Object value);
}
