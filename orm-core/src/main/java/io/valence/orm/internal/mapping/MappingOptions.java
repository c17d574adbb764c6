package io.valence.orm.internal.mapping;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a factory adds to the annotations when it reads its model: the auto-applied converters it was
 * given and the source of {@code GenerationType.UUID} ids. The I/O side passes a time-ordered (version 7)
 * generator; orm-core itself stays free of libraries beyond {@code jakarta.persistence}.
 *
 * @param converters {@code AttributeConverter} classes given to the builder or found by scanning
 * @param uuids produces the ids of {@code @GeneratedValue(strategy = UUID)} fields
 * @param json writes and reads JSON columns
 */
public record MappingOptions(List<Class<?>> converters, Supplier<UUID> uuids, JsonCodec json) {

    /**
     * The options of a model read from annotations alone (tests of orm-core): no converters beyond
     * those named by {@code @Convert}, random (version 4) UUIDs, no JSON codec.
     *
     * @return the options
     */
    public static MappingOptions defaults() {
        return new MappingOptions(List.of(), UUID::randomUUID, JsonCodec.NONE);
    }

    /**
     * Copies the converter list.
     *
     * @param converters the converter classes
     * @param uuids the UUID source
     * @param json the JSON codec
     */
    public MappingOptions {
        converters = List.copyOf(converters);
    }
}
