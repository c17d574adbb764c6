package io.valence.orm.internal.query;

import io.valence.orm.internal.sql.SqlStatement.Bind;
import java.util.List;

/**
 * What one {@code $n} of a cached statement binds, computed anew for each query that shares the
 * statement's shape: a condition value (looked up by its position among the query's values), the
 * limit or offset, or a value known when the statement was rendered.
 */
sealed interface BindSlot {

    /** The bind for this slot, from one query's values. */
    Bind bind(QueryValues values);

    /** How a condition value is bound. */
    enum Mode {
        /** One value of the column's type. */
        SCALAR,
        /** Every value of an IN, as one array. */
        ARRAY,
        /** A LIKE pattern, as text. */
        PATTERN,
        /** A collection of elements, as one array of an array column's driver type. */
        ELEMENTS,
        /** One element of an array column. */
        ELEMENT,
        /** A value compared with text inside a JSON document, as its text. */
        TEXT
    }

    /**
     * The condition value at {@code index} of {@link QueryValues#conditionValues()}.
     *
     * @param index the value's position, depth first through the condition
     * @param target the column it is compared with
     * @param mode how it is bound
     */
    record ConditionValue(int index, ResolvedColumn target, Mode mode) implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            Object value = values.conditionValues().get(index);
            return switch (mode) {
                case SCALAR -> BindValues.scalar(target, value);
                case ARRAY -> BindValues.array(target, (List<?>) value);
                case PATTERN -> BindValues.pattern(target, value);
                case ELEMENTS -> BindValues.elements(target, value);
                case ELEMENT -> BindValues.element(target, value);
                case TEXT -> new Bind(value.toString(), String.class);
            };
        }
    }

    /**
     * One part of the condition value at {@code index}, compared with a composite key: the value is
     * an instance of the referenced entity or a key object of it.
     *
     * @param index the value's position
     * @param key the key's columns
     * @param part the part bound
     */
    record KeyPart(int index, KeyColumns key, int part) implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            return BindValues.keyPart(key, part, values.conditionValues().get(index));
        }
    }

    /**
     * The condition value at {@code index}, compared with an aggregate whose result is a number of
     * {@code type} ({@code count}, {@code sum}, {@code avg}).
     *
     * @param index the value's position
     * @param type {@code Long}, {@code BigDecimal} or {@code Double}
     * @param aggregate the aggregate's name, for messages
     */
    record NumberValue(int index, Class<?> type, String aggregate) implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            return BindValues.number(type, values.conditionValues().get(index), aggregate);
        }
    }

    /** The query's limit. */
    record Limit() implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            return new Bind(values.limit(), Long.class);
        }
    }

    /** The query's offset. */
    record Offset() implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            return new Bind(values.offset(), Long.class);
        }
    }

    /**
     * A bind known when the statement is rendered (a DML value, a select-in placeholder).
     *
     * @param fixed the bind
     */
    record Fixed(Bind fixed) implements BindSlot {
        @Override
        public Bind bind(QueryValues values) {
            return fixed;
        }
    }
}
