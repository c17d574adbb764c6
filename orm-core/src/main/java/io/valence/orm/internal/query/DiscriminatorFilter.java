package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.InheritanceMapping;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.internal.sql.SqlStatement.Bind;
import java.util.List;
import java.util.StringJoiner;

/**
 * The condition that keeps a query of a subclass in a {@code SINGLE_TABLE} hierarchy to the rows of
 * that class and its subclasses, {@code t0."dtype" IN ($1, $2)}, the values bound. A query of a
 * hierarchy's root, or of an entity outside one, needs none.
 */
final class DiscriminatorFilter {
    private DiscriminatorFilter() {}

    /**
     * The discriminator values to bind, in the order of the condition's markers.
     *
     * @return the values, or an empty list when every row of the table qualifies
     */
    static List<Bind> binds(EntityMapping mapping) {
        InheritanceMapping inheritance = mapping.inheritance();
        if (inheritance == null || inheritance.filter().isEmpty()) { // a root, or a JOINED class: its joins filter
            return List.of();
        }
        ColumnMapping discriminator = mapping.columns().get(inheritance.discriminatorIndex());
        return inheritance.filter().stream().map(value -> new Bind(value, discriminator.type().driverType())).toList();
    }

    /** {@code alias."dtype" IN (markers…)} over the mapping's discriminator column. */
    static String condition(EntityMapping mapping, String alias, List<String> markers) {
        StringJoiner list = new StringJoiner(", ", " IN (", ")");
        markers.forEach(list::add);
        String column = mapping.columns().get(mapping.inheritance().discriminatorIndex()).column();
        return Identifiers.qualified(alias, column) + list;
    }

    /**
     * Adds the values as fixed parameters and returns the condition.
     *
     * @return the condition, or an empty string when the mapping needs none
     */
    static String condition(EntityMapping mapping, String alias, Parameters parameters) {
        List<Bind> binds = binds(mapping);
        if (binds.isEmpty()) {
            return "";
        }
        return condition(mapping, alias, binds.stream().map(bind -> parameters.add(new BindSlot.Fixed(bind))).toList());
    }
}
