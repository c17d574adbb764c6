package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The metamodel of this package's test entities and readable views of binds. */
final class Fixtures {
    static final Metamodel METAMODEL =
            Metamodel.of(List.of(Parent.class, Child.class, Event.class, Node.class, Storage.class));

    private Fixtures() {}

    /** The bound values, arrays shown as lists so that they compare by content. */
    static List<Object> values(SqlStatement statement) {
        List<Object> values = new ArrayList<>();
        for (SqlStatement.Bind bind : statement.binds()) {
            Object value = bind.value();
            values.add(value instanceof Object[] array ? Arrays.asList(array) : value);
        }
        return values;
    }

    /** The bound types. */
    static List<Class<?>> types(SqlStatement statement) {
        return statement.binds().stream().<Class<?>>map(SqlStatement.Bind::type).toList();
    }
}
