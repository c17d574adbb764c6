package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.InheritanceMapping;
import io.valence.orm.internal.sql.Identifiers;
import java.util.List;
import java.util.StringJoiner;

/**
 * What a query names an entity's rows by in its FROM clause: the quoted table, or for a class of a
 * {@code JOINED} hierarchy a derived table that joins the hierarchy's tables by key,
 * {@code (SELECT j0."id", j0."amount", j1."card_number" FROM "payment" AS j0 INNER JOIN
 * "card_payment" AS j1 ON j1."id" = j0."id")}. The rest of the query sees one table with every column
 * of the class, so aliases, conditions, orders and joins stay as for any entity; PostgreSQL pulls the
 * derived table up into the query's own joins.
 */
final class TableSource {
    private TableSource() {}

    /**
     * The table reference of an entity.
     *
     * @param mapping the entity (a view of an abstract class too)
     * @return the SQL to write after FROM or JOIN, before the alias
     */
    static String of(EntityMapping mapping) {
        InheritanceMapping inheritance = mapping.inheritance();
        if (inheritance == null || !inheritance.isJoined()) {
            return Identifiers.quote(mapping.table());
        }
        List<EntityMapping> tables = inheritance.tables();
        StringJoiner columns = new StringJoiner(", ");
        for (int i = 0; i < mapping.columns().size(); i++) {
            ColumnMapping column = mapping.columns().get(i);
            columns.add(i == inheritance.discriminatorIndex()
                    ? concreteClass(inheritance) + " AS " + Identifiers.quote(column.column())
                    : Identifiers.qualified(alias(tableOf(tables, column)), column.column()));
        }
        StringBuilder from = new StringBuilder(Identifiers.quote(tables.get(0).table())).append(" AS ").append(alias(0));
        for (int t = 1; t < tables.size(); t++) {
            from.append(t < inheritance.requiredTables() ? " INNER JOIN " : " LEFT OUTER JOIN ")
                    .append(Identifiers.quote(tables.get(t).table())).append(" AS ").append(alias(t))
                    .append(" ON ").append(keyMatch(tables.get(0), tables.get(t), t));
        }
        return "(SELECT " + columns + " FROM " + from + ")";
    }

    private static String alias(int table) {
        return "j" + table;
    }

    /** The position of the table holding a column: the root's for the key, else the one whose mapping has it. */
    private static int tableOf(List<EntityMapping> tables, ColumnMapping column) {
        if (column.role() == ColumnMapping.Role.ID) {
            return 0;
        }
        for (int t = 0; t < tables.size(); t++) {
            for (ColumnMapping held : tables.get(t).columns()) {
                if (held == column) {
                    return t;
                }
            }
        }
        throw new IllegalStateException(column.column() + " is in no table of its JOINED hierarchy");
    }

    /** {@code j1."id" = j0."id"} over every key part, the subclass table's key named as it names it. */
    private static String keyMatch(EntityMapping root, EntityMapping table, int position) {
        StringJoiner match = new StringJoiner(" AND ");
        for (int part = 0; part < root.key().parts().size(); part++) {
            match.add(Identifiers.qualified(alias(position), table.key().parts().get(part).column()) + " = "
                    + Identifiers.qualified(alias(0), root.key().parts().get(part).column()));
        }
        return match.toString();
    }

    /**
     * {@code CASE WHEN j2."id" IS NOT NULL THEN 0 WHEN j3."id" IS NOT NULL THEN 1 END}: the position of
     * the concrete class whose own table holds the row's key (the class values of a view).
     */
    private static String concreteClass(InheritanceMapping inheritance) {
        StringBuilder expression = new StringBuilder("CASE");
        inheritance.concreteByValue().forEach((value, concrete) -> {
            List<EntityMapping> path = concrete.inheritance().tables();
            EntityMapping own = path.get(path.size() - 1);
            int position = inheritance.tables().indexOf(own);
            expression.append(" WHEN ").append(Identifiers.qualified(alias(position), own.key().parts().get(0).column()))
                    .append(" IS NOT NULL THEN ").append((int) (Integer) value);
        });
        return expression.append(" END").toString();
    }
}
