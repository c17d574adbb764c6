package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code AttributeConverter}s of one model: each class instantiated once through its no-arg
 * constructor, its entity-side and database-side types read from its generic signature, and those
 * marked {@code @Converter(autoApply = true)} found by the entity-side type they convert.
 */
final class Converters {
    /**
     * A converter ready to use.
     *
     * @param type the converter class
     * @param attribute the entity-side type (boxed)
     * @param column the database-side type
     * @param instance the converter
     */
    record Resolved(Class<?> type, Class<?> attribute, Class<?> column, AttributeConverter<Object, Object> instance) {}

    private final List<String> problems;
    private final Map<Class<?>, Resolved> byClass = new HashMap<>();
    private final Map<Class<?>, Resolved> autoApplied = new LinkedHashMap<>();

    Converters(List<Class<?>> registered, List<String> problems) {
        this.problems = problems;
        for (Class<?> type : registered) {
            Resolved converter = resolve(type, "registered with converters(…)");
            Converter annotation = type.getAnnotation(Converter.class);
            if (converter == null || annotation == null || !annotation.autoApply()) {
                continue;
            }
            Resolved previous = autoApplied.putIfAbsent(converter.attribute(), converter);
            if (previous != null && previous.type() != type) {
                problems.add(previous.type().getSimpleName() + " and " + type.getSimpleName() + " are both"
                        + " @Converter(autoApply = true) for " + converter.attribute().getSimpleName() + "; one type has"
                        + " one automatic converter: set autoApply = false on one and name it with @Convert where wanted");
            }
        }
    }

    /**
     * The converter applied automatically to fields of a type.
     *
     * @param attribute a field type (boxed)
     * @return the converter, or {@code null}
     */
    Resolved autoApplied(Class<?> attribute) {
        return autoApplied.isEmpty() ? null : autoApplied.get(attribute);
    }

    /**
     * A converter named by {@code @Convert(converter = …)}.
     *
     * @param type the converter class
     * @param where {@code Entity.field}, for messages
     * @return the converter, or {@code null} after reporting why it cannot be used
     */
    Resolved named(Class<?> type, String where) {
        return resolve(type, "named by " + where);
    }

    private Resolved resolve(Class<?> type, String where) {
        Resolved known = byClass.get(type);
        if (known != null || byClass.containsKey(type)) {
            return known;
        }
        Resolved resolved = null;
        if (!AttributeConverter.class.isAssignableFrom(type)) {
            problems.add(type.getSimpleName() + " (" + where + ") does not implement"
                    + " jakarta.persistence.AttributeConverter; implement AttributeConverter<EntityType, ColumnType>");
        } else {
            Class<?>[] sides = sides(type);
            if (sides == null) {
                problems.add(type.getSimpleName() + " (" + where + ") does not name both types of its"
                        + " AttributeConverter; declare it as implements AttributeConverter<EntityType, ColumnType> with"
                        + " concrete classes");
            } else {
                resolved = instantiate(type, sides, where);
            }
        }
        byClass.put(type, resolved);
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private Resolved instantiate(Class<?> type, Class<?>[] sides, String where) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Object instance = lookup.findConstructor(type, MethodType.methodType(void.class)).invoke();
            return new Resolved(type, ColumnTypeResolver.boxed(sides[0]), sides[1],
                    (AttributeConverter<Object, Object>) instance);
        } catch (Throwable e) {
            problems.add(type.getSimpleName() + " (" + where + ") cannot be created through a no-arg constructor ("
                    + e + "); give it one (any visibility)");
            return null;
        }
    }

    /** The two type arguments of AttributeConverter as the class (or a superclass) binds them. */
    private static Class<?>[] sides(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Type candidate : current.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == AttributeConverter.class) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    Class<?> attribute = raw(arguments[0]);
                    Class<?> column = raw(arguments[1]);
                    return attribute == null || column == null ? null : new Class<?>[] {attribute, column};
                }
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return null; // a type variable or wildcard: the converter does not fix the type
    }
}
