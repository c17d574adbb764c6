package io.valence.orm.internal.mapping;

import jakarta.persistence.Column;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Column types of values with structure: JSON documents ({@code @Column(columnDefinition = "jsonb")}
 * or {@code "json"}) and PostgreSQL arrays of strings, longs, ints and UUIDs, as Java arrays or
 * {@code List}s. Both can change in place, so their snapshots hold the written form; a JSON
 * document of a record of immutable values cannot, and is compared like any basic value.
 */
final class StructuredTypes {
    /** Element types of array columns: the Java element, its boxed form and the SQL element type. */
    private static final Map<Class<?>, String> ELEMENTS = Map.of(
            String.class, "text", Long.class, "bigint", Integer.class, "integer", UUID.class, "uuid");

    private StructuredTypes() {}

    /** Whether {@code @Column(columnDefinition)} asks for a JSON column. */
    static String jsonType(Column column) {
        if (column == null) {
            return null;
        }
        String definition = column.columnDefinition().trim().toLowerCase(Locale.ROOT);
        return definition.equals("jsonb") || definition.equals("json") ? definition : null;
    }

    /**
     * A JSON column of any type the codec writes and reads. Batched binds carry the texts in a
     * {@code text[]} cast to the column's array type; single binds carry {@link JsonText}. Only a
     * type whose values can change in place is marked mutable (see {@link ImmutableValues}).
     */
    static ColumnType json(Field field, String sqlType, JsonCodec codec) {
        Type generic = field.getGenericType();
        ValueConverter document = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return new JsonText(codec.write(value));
            }

            @Override
            public Object fromDriver(Object value) {
                return codec.read(((JsonText) value).text(), generic);
            }
        };
        ValueConverter text = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return codec.write(value);
            }

            @Override
            public Object fromDriver(Object value) {
                throw new UnsupportedOperationException("array elements are only written");
            }
        };
        ColumnType type = new ColumnType(field.getType(), sqlType, "text[]::" + sqlType + "[]", JsonText.class,
                document, String.class, text);
        return ImmutableValues.deeply(generic) ? type : type.asMutable();
    }

    /**
     * The array column type of a field, if its type is an array or {@code List} of a supported element.
     *
     * @return the type, or {@code null}
     */
    static ColumnType array(Field field) {
        Class<?> type = field.getType();
        boolean list = type == List.class;
        Class<?> element = list ? listElement(field) : type.isArray() ? type.getComponentType() : null;
        if (element == null) {
            return null;
        }
        Class<?> boxed = ColumnTypeResolver.boxed(element);
        String sqlElement = ELEMENTS.get(boxed);
        if (sqlElement == null) {
            return null;
        }
        Class<?> driverType = Array.newInstance(boxed, 0).getClass();
        ValueConverter converter = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                Object[] copy = (Object[]) Array.newInstance(boxed, list ? ((List<?>) value).size() : Array.getLength(value));
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = list ? ((List<?>) value).get(i) : Array.get(value, i);
                }
                return copy;
            }

            @Override
            public Object fromDriver(Object value) {
                Object[] elements = (Object[]) value;
                if (list) {
                    return new ArrayList<>(Arrays.asList(elements));
                }
                Object array = Array.newInstance(element, elements.length);
                for (int i = 0; i < elements.length; i++) {
                    if (elements[i] == null && element.isPrimitive()) {
                        throw new IllegalStateException("The database holds a NULL element in an array read into a "
                                + element + "[] field; map it as " + boxed.getSimpleName() + "[] or List<"
                                + boxed.getSimpleName() + ">");
                    }
                    Array.set(array, i, elements[i]);
                }
                return array;
            }
        };
        ValueConverter literal = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return literal((Object[]) converter.toDriver(value));
            }

            @Override
            public Object fromDriver(Object value) {
                throw new UnsupportedOperationException("array elements are only written");
            }
        };
        return new ColumnType(type, sqlElement + "[]", "text[]", driverType, converter, String.class, literal)
                .asArrayColumn();
    }

    /** PostgreSQL's text form of a one-dimensional array: {@code {"a","b\"c",NULL}}. */
    static String literal(Object[] elements) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object element = elements[i];
            if (element == null) {
                text.append("NULL");
                continue;
            }
            text.append('"');
            String value = element.toString();
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    text.append('\\');
                }
                text.append(ch);
            }
            text.append('"');
        }
        return text.append('}').toString();
    }

    private static Class<?> listElement(Field field) {
        if (field.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
