package io.valence.orm.internal.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether values of a JSON column's type can never change in place: records whose
 * components are all strings, numbers, booleans, enums, UUIDs, java.time values or such records.
 * A snapshot of such a value is the value itself and the dirty check compares with
 * {@code equals}, as for any basic column; only types that can change in place (a {@code Map}, a
 * {@code List}, a bean, a {@code JsonNode}) pay for keeping their written form (a JSON write per
 * loaded row).
 */
final class ImmutableValues {
    private static final Set<Class<?>> LEAVES = Set.of(
            String.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, BigDecimal.class, BigInteger.class, UUID.class, java.time.Duration.class,
            java.time.Period.class, java.time.ZoneOffset.class);

    private ImmutableValues() {}

    /**
     * Whether every value of a type is deeply immutable.
     *
     * @param type a field's generic type
     * @return {@code true} for immutable leaves and records made of them
     */
    static boolean deeply(Type type) {
        return deeply(type, new HashSet<>());
    }

    private static boolean deeply(Type type, Set<Class<?>> visiting) {
        if (!(type instanceof Class<?> raw)) {
            return false; // a parameterized type (List<…>, Map<…>) or a type variable
        }
        if (raw.isPrimitive() || raw.isEnum() || LEAVES.contains(raw)
                || (TemporalAccessor.class.isAssignableFrom(raw) && raw.getName().startsWith("java.time."))) {
            return true;
        }
        if (!raw.isRecord()) {
            return false;
        }
        if (!visiting.add(raw)) {
            return true; // a record reached again through its own components: decided by the other components
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType || !deeply(generic, visiting)) {
                return false;
            }
        }
        return true;
    }
}
