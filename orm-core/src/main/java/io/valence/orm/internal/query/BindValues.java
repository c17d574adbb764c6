package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.ColumnType;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.ValueLimits;
import io.valence.orm.internal.sql.SqlStatement.Bind;
import jakarta.persistence.Entity;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Turns user values into binds: an entity compared with or assigned to a foreign key becomes its id,
 * smaller integers widen to the column's integer type, and the column's converter produces the value
 * the driver binds, typed with the column's driver type (arrays with an array of it). A value
 * PostgreSQL cannot hold is refused here, at the call ({@link ValueLimits}); keys of a select-in are
 * ids read from rows, so they are not checked again.
 */
final class BindValues {
    private BindValues() {}

    /** One value for a column; null binds a typed NULL. */
    static Bind scalar(ResolvedColumn target, Object value) {
        ColumnType type = target.column().type();
        return new Bind(toDriver(target, value), type.driverType());
    }

    /** Every value as one array of the column's driver type, for {@code = ANY($n::type[])}. */
    static Bind array(ResolvedColumn target, List<?> values) {
        Object[] array = target.column().type().newDriverArray(values.size());
        for (int i = 0; i < values.size(); i++) {
            array[i] = toDriver(target, values.get(i));
        }
        return new Bind(array, array.getClass());
    }

    /** The elements of an array condition as one array of the array column's driver type. */
    static Bind elements(ResolvedColumn target, Object value) {
        Class<?> driverType = target.column().type().driverType();
        Collection<?> items = value instanceof Collection<?> collection ? collection
                : value instanceof Object[] array ? Arrays.asList(array) : null;
        if (items == null) {
            throw QueryErrors.notElements(target, value);
        }
        Object[] array = (Object[]) Array.newInstance(driverType.getComponentType(), items.size());
        int i = 0;
        for (Object item : items) {
            array[i++] = checkedElement(target, item);
        }
        return new Bind(array, driverType);
    }

    /** One element of an array column, for {@code $n = ANY(column)}. */
    static Bind element(ResolvedColumn target, Object value) {
        return new Bind(checkedElement(target, value), target.column().type().driverType().getComponentType());
    }

    private static Object checkedElement(ResolvedColumn target, Object item) {
        Class<?> elementType = target.column().type().driverType().getComponentType();
        Object widened = item instanceof Integer small && elementType == Long.class ? Long.valueOf(small) : item;
        if (widened != null && !elementType.isInstance(widened)) {
            throw QueryErrors.wrongElementType(target, elementType, item);
        }
        return widened;
    }

    /** A LIKE pattern, bound as text whatever the column's type. */
    static Bind pattern(ResolvedColumn target, Object pattern) {
        if (!(pattern instanceof String)) {
            throw QueryErrors.patternNotText(target, pattern);
        }
        return new Bind(pattern, String.class);
    }

    /**
     * A number compared with an aggregate, as the aggregate's result type: integers as a {@code Long},
     * any number as a {@code BigDecimal} or {@code Double}.
     */
    static Bind number(Class<?> type, Object value, String aggregate) {
        boolean integer = value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
        if (type == Long.class && integer) {
            return new Bind(((Number) value).longValue(), Long.class);
        }
        if (type == BigDecimal.class && value instanceof Number number) {
            return new Bind(number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString()), BigDecimal.class);
        }
        if (type == Double.class && value instanceof Number number) {
            return new Bind(number.doubleValue(), Double.class);
        }
        throw QueryErrors.wrongAggregateValueType(aggregate, type, value);
    }

    /**
     * The keys of a select-in, as one array of the key column's driver type. Keys may come as the
     * entities hold them or already converted for the driver; converted ones are kept as they are.
     */
    static Bind keyArray(ColumnMapping keyColumn, Object[] keys) {
        ColumnType type = keyColumn.type();
        Object[] array = type.newDriverArray(keys.length);
        for (int i = 0; i < keys.length; i++) {
            Object key = keys[i];
            array[i] = type.driverType().isInstance(key) ? key : type.toDriver(key);
        }
        return new Bind(array, array.getClass());
    }

    /** The placeholder bind of a select-in's {@code $1}, typed, its value supplied later. */
    static Bind keyPlaceholder(ColumnMapping keyColumn) {
        return new Bind(null, keyColumn.type().driverType().arrayType());
    }

    /** An id for {@code mapping}, which must already have the id's Java type. */
    static Bind id(EntityMapping mapping, Object id) {
        ColumnType type = mapping.id().type();
        if (!type.javaType().isInstance(id)) {
            throw QueryErrors.wrongIdType(mapping, id);
        }
        ValueLimits.check(mapping, mapping.id(), id);
        return new Bind(type.toDriver(id), type.driverType());
    }

    /** The parts of a composite key value of {@code mapping}, one bind each; the key was checked complete. */
    static List<Bind> keyParts(EntityMapping mapping, Object key) {
        List<Bind> binds = new ArrayList<>();
        for (int i = 0; i < mapping.key().parts().size(); i++) {
            ColumnMapping part = mapping.key().parts().get(i);
            Object value = mapping.key().part(key, i);
            ValueLimits.check(mapping, part, value);
            binds.add(new Bind(part.type().toDriver(value), part.type().driverType()));
        }
        return binds;
    }

    /** One part of the key a composite key is compared with: of an entity instance, or of a key object. */
    static Bind keyPart(KeyColumns key, int part, Object value) {
        EntityMapping referenced = key.referenced();
        Object keyValue = value;
        if (value != null && referenced.type().isInstance(value)) {
            keyValue = referenced.idOf(value);
            if (keyValue == null) {
                throw QueryErrors.pendingReference(referenced);
            }
        } else if (value == null || !referenced.key().keyClass().isInstance(value)) {
            throw QueryErrors.wrongKeyValue(key, value);
        }
        Object partValue = referenced.key().part(keyValue, part);
        if (partValue == null) {
            throw QueryErrors.wrongKeyValue(key, value);
        }
        return scalar(key.columns().get(part), partValue);
    }

    private static Object toDriver(ResolvedColumn target, Object value) {
        if (value == null) {
            return null;
        }
        Object plain = target.reference() == null ? value : referencedId(target, value);
        ColumnType type = target.column().type();
        Object widened = widen(type.javaType(), plain);
        if (!type.javaType().isInstance(widened)) {
            throw QueryErrors.wrongValueType(target, value);
        }
        ValueLimits.check(target.owner(), target.column(), widened);
        return type.toDriver(widened);
    }

    private static Object referencedId(ResolvedColumn target, Object value) {
        EntityMapping reference = target.reference();
        if (reference.type().isInstance(value)) {
            Object id = reference.idOf(value);
            if (id == null) {
                throw QueryErrors.pendingReference(reference);
            }
            return id;
        }
        if (value.getClass().isAnnotationPresent(Entity.class)) {
            throw QueryErrors.wrongReferenceType(target, value);
        }
        return value; // an id given as it is
    }

    /** Widens Integer, Short and Byte to a Long or Integer column, as Java's own assignments do. */
    private static Object widen(Class<?> javaType, Object value) {
        boolean smallInteger = value instanceof Integer || value instanceof Short || value instanceof Byte;
        if (javaType == Long.class && smallInteger) {
            return ((Number) value).longValue();
        }
        if (javaType == Integer.class && (value instanceof Short || value instanceof Byte)) {
            return ((Number) value).intValue();
        }
        return value;
    }
}
