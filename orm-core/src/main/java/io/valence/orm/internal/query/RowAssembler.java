package io.valence.orm.internal.query;

import io.valence.orm.DataException;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Tuple;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Turns the values of one projection row into its result: the row's one value, a {@link Tuple}, or an
 * instance made by a constructor. The constructor is chosen once, before any SQL: a record's
 * canonical constructor, its components matched to the columns by name (ignoring case and
 * underscores, for the labels of native SQL); for another class, the
 * first constructor taking as many parameters, matched by name when compiled with
 * {@code -parameters}, else by position. Every parameter type must accept its column's type (a
 * primitive its box), else the projection fails with a message naming both sides.
 */
public final class RowAssembler {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private final Function<Object[], Object> assemble;

    private RowAssembler(Function<Object[], Object> assemble) {
        this.assemble = assemble;
    }

    /**
     * Chooses how rows of these columns become results.
     *
     * @param into the kind of result
     * @param type the result type
     * @param columns the row's columns, in order
     * @return the assembler
     * @throws IllegalArgumentException when the result type cannot take the columns (the message says why)
     */
    public static RowAssembler of(Projection.Into into, Class<?> type, List<ProjectedColumn> columns) {
        return switch (into) {
            case VALUE -> value(type, columns);
            case TUPLE -> {
                List<String> names = columns.stream().map(ProjectedColumn::name).toList();
                yield new RowAssembler(values -> Tuple.of(names, values));
            }
            case CONSTRUCTOR -> constructor(type, columns);
        };
    }

    /**
     * The result of one row.
     *
     * @param values the row's values, in column order
     * @return the result
     */
    public Object assemble(Object[] values) {
        return assemble.apply(values);
    }

    private static RowAssembler value(Class<?> type, List<ProjectedColumn> columns) {
        if (columns.size() != 1) {
            throw QueryErrors.projectionMismatch(type, described(columns), "one value",
                    "a value projection selects exactly one column, this one " + columns.size());
        }
        ProjectedColumn column = columns.get(0);
        if (!accepts(type, column.javaType())) {
            throw QueryErrors.valueMismatch(type, column.name(), column.javaType());
        }
        return new RowAssembler(values -> values[0]);
    }

    private static RowAssembler constructor(Class<?> type, List<ProjectedColumn> columns) {
        List<String> problems = new ArrayList<>();
        for (Constructor<?> candidate : candidates(type)) {
            if (candidate.getParameterCount() != columns.size()) {
                problems.add(expected(candidate, type) + " takes " + candidate.getParameterCount() + " values, not "
                        + columns.size());
                continue;
            }
            String problem = match(candidate, type, columns);
            if (problem == null) {
                return new RowAssembler(arguments(candidate, type, columns));
            }
            problems.add(problem);
        }
        String expected = candidates(type).stream().map(candidate -> expected(candidate, type)).reduce((a, b) -> a + " or " + b)
                .orElse("no constructor");
        throw QueryErrors.projectionMismatch(type, described(columns), expected, String.join("; ", problems));
    }

    private static List<Constructor<?>> candidates(Class<?> type) {
        if (type.isRecord()) {
            Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return List.of(type.getDeclaredConstructor(components));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, impossible);
            }
        }
        return List.of(type.getDeclaredConstructors());
    }

    /** Null when every parameter takes its column, else what does not fit. */
    private static String match(Constructor<?> candidate, Class<?> type, List<ProjectedColumn> columns) {
        int[] order = order(candidate, type, columns);
        Parameter[] parameters = candidate.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            String name = parameterName(candidate, type, i);
            if (order[i] < 0) {
                return "no selected value is named \"" + name + "\"";
            }
            ProjectedColumn column = columns.get(order[i]);
            if (!accepts(parameters[i].getType(), column.javaType())) {
                return "\"" + column.name() + "\" is " + column.javaType().getSimpleName() + ", but " + name + " is "
                        + parameters[i].getType().getSimpleName();
            }
        }
        return null;
    }

    /** For each parameter, the index of its column: by name when names are known, else by position. */
    private static int[] order(Constructor<?> candidate, Class<?> type, List<ProjectedColumn> columns) {
        int[] order = new int[candidate.getParameterCount()];
        boolean named = type.isRecord() || candidate.getParameters()[0].isNamePresent();
        for (int i = 0; i < order.length; i++) {
            if (!named) {
                order[i] = i;
                continue;
            }
            String name = parameterName(candidate, type, i);
            order[i] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (order[i] < 0 && sameName(columns.get(c).name(), name)) {
                    order[i] = c;
                }
            }
        }
        return order;
    }

    private static Function<Object[], Object> arguments(Constructor<?> constructor, Class<?> type, List<ProjectedColumn> columns) {
        constructor.setAccessible(true);
        int[] order = order(constructor, type, columns);
        Class<?>[] parameterTypes = constructor.getParameterTypes();
        return values -> {
            Object[] arguments = new Object[order.length];
            for (int i = 0; i < order.length; i++) {
                Object value = values[order[i]];
                if (value == null && parameterTypes[i].isPrimitive()) {
                    throw new DataException("a row's \"" + columns.get(order[i]).name() + "\" is NULL, which "
                            + type.getSimpleName() + "." + parameterName(constructor, type, i) + " ("
                            + parameterTypes[i].getSimpleName() + ") cannot hold; declare it as "
                            + BOXES.get(parameterTypes[i]).getSimpleName(), null, null, type.getSimpleName(),
                            parameterName(constructor, type, i), null);
                }
                arguments[i] = value;
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException failed) {
                throw failed.getCause() instanceof RuntimeException thrown
                        ? thrown : new IllegalStateException(failed.getCause());
            } catch (IllegalArgumentException mismatch) {
                throw QueryErrors.rowMismatch(type, expected(constructor, type), values, mismatch);
            } catch (ReflectiveOperationException failed) {
                throw new IllegalStateException(type.getSimpleName() + " could not be instantiated", failed);
            }
        };
    }

    /** Names match ignoring case and underscores: a column labelled {@code customer_name} fills {@code customerName}. */
    private static boolean sameName(String column, String parameter) {
        return column.equals(parameter) || plain(column).equals(plain(parameter));
    }

    private static String plain(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String parameterName(Constructor<?> candidate, Class<?> type, int index) {
        return type.isRecord() ? type.getRecordComponents()[index].getName() : candidate.getParameters()[index].getName();
    }

    private static String expected(Constructor<?> candidate, Class<?> type) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < candidate.getParameterCount(); i++) {
            parameters.add(candidate.getParameterTypes()[i].getSimpleName() + " " + parameterName(candidate, type, i));
        }
        return parameters.toString();
    }

    private static List<String> described(List<ProjectedColumn> columns) {
        return columns.stream().map(column -> column.javaType().getSimpleName() + " " + column.name()).toList();
    }

    /** Whether a parameter of {@code parameter} type takes values of {@code value} type; unknown types ({@code Object}) pass. */
    private static boolean accepts(Class<?> parameter, Class<?> value) {
        return value == Object.class || BOXES.getOrDefault(parameter, parameter).isAssignableFrom(value);
    }
}
