package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset (seek) pagination of one entity query: checks that its ordering is unique and made of the
 * entity's own columns, turns a {@link PageKey} into the condition "after this key" and reads the
 * next key from the last row of a page. The condition is the expanded OR form, which handles any mix
 * of directions and nulls placements: for {@code ORDER BY a DESC, id ASC} and the key {@code (ka, kid)}
 * it is {@code a <= ka AND (a < ka OR (a = ka AND id > kid))}. The leading {@code a <= ka} (only for a
 * NOT NULL first column) lets PostgreSQL start an index scan at the key. A nullable column also
 * matches the rows whose NULLs sort after the key. A page reads one row more than its size, to know
 * whether another page follows.
 */
public final class Keyset {
    private final EntityMapping mapping;
    private final List<Order> orders;
    private final List<ColumnMapping> columns;

    private Keyset(EntityMapping mapping, List<Order> orders, List<ColumnMapping> columns) {
        this.mapping = mapping;
        this.orders = orders;
        this.columns = columns;
    }

    /**
     * Checks that {@code select} can be paged by key: ordered by the entity's own columns, last by its
     * id or a unique NOT NULL column, without limit or offset.
     *
     * @param metamodel the mapped entities
     * @param select the query to page
     * @return its keyset
     * @throws IllegalArgumentException when the ordering is missing, not unique, goes through a
     *     relationship or names an aggregate, or the query has a limit or offset
     */
    public static Keyset of(Metamodel metamodel, Select<?> select) {
        EntityMapping mapping = metamodel.entity(select.entityType());
        if (select.limit().isPresent() || select.offset().isPresent()) {
            throw QueryErrors.keysetWithLimit(mapping);
        }
        List<ColumnMapping> columns = new ArrayList<>();
        for (Order order : select.orders()) {
            if (!(order.expression() instanceof Expression.Property property) || property.path().contains(".")) {
                throw QueryErrors.keysetOrderNotOwnColumn(mapping, order);
            }
            ColumnMapping column = mapping.column(property.path());
            if (column == null || column.isForeignKey()) {
                if (column == null && mapping.relationship(property.path()) == null) {
                    throw QueryErrors.unknownProperty(mapping, property.path());
                }
                throw QueryErrors.keysetOrderNotOwnColumn(mapping, order);
            }
            columns.add(column);
        }
        boolean unique = !columns.isEmpty() && (isUnique(mapping, columns.get(columns.size() - 1))
                || (mapping.key().isComposite() && columns.containsAll(mapping.key().parts())));
        if (!unique) {
            throw QueryErrors.keysetNotUnique(mapping, select.orders());
        }
        return new Keyset(mapping, select.orders(), List.copyOf(columns));
    }

    /**
     * The query of one page: {@code select} with the condition "after {@code after}" (none for the
     * first page) and a limit of {@code size + 1}.
     *
     * @param select the query this keyset was made of
     * @param size the page size, at least 1
     * @param after the key of the previous page's last row, or null for the first page
     * @param <T> the entity type
     * @return the query to run
     * @throws IllegalArgumentException if the size is below 1 or the key does not fit the ordering
     */
    public <T> Select<T> pageQuery(Select<T> select, int size, PageKey after) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one row, but the size was " + size);
        }
        Select<T> limited = select.limit(size + 1L);
        return after == null ? limited : limited.where(after(after));
    }

    /**
     * The page of the rows a {@link #pageQuery} read: the first {@code size} of them, and the key of
     * the last one if the query found more.
     *
     * @param rows the rows read, at most {@code size + 1}
     * @param size the page size
     * @param <T> the entity type
     * @return the page
     */
    public <T> Page<T> page(List<T> rows, int size) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, size);
        Object last = items.get(size - 1);
        List<Object> key = new ArrayList<>(columns.size());
        for (ColumnMapping column : columns) {
            key.add(column.accessor().get(last));
        }
        return new Page<>(items, new PageKey(key));
    }

    /** The condition matching the rows that the ordering puts after {@code key}. */
    Condition after(PageKey key) {
        if (key.values().size() != orders.size()) {
            throw QueryErrors.keysetKeyMismatch(mapping, orders, key.values().size());
        }
        List<Condition> alternatives = new ArrayList<>();
        List<Condition> equalSoFar = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            String path = ((Expression.Property) order.expression()).path();
            Object value = key.values().get(i);
            Condition beyond = beyond(order, path, columns.get(i).nullable(), value);
            if (beyond != null) {
                List<Condition> terms = new ArrayList<>(equalSoFar);
                terms.add(beyond);
                alternatives.add(Condition.and(terms.toArray(Condition[]::new)));
            }
            equalSoFar.add(Condition.eq(path, value));
        }
        Condition seek = Condition.or(alternatives.toArray(Condition[]::new));
        Object first = key.values().get(0);
        if (orders.size() > 1 && !columns.get(0).nullable() && first != null) {
            String path = ((Expression.Property) orders.get(0).expression()).path();
            boolean ascending = orders.get(0).direction() == Order.Direction.ASC;
            return (ascending ? Condition.ge(path, first) : Condition.le(path, first)).and(seek);
        }
        return seek;
    }

    /** The rows whose value of one order term comes after {@code value}; null when none can. */
    private static Condition beyond(Order order, String path, boolean nullable, Object value) {
        boolean ascending = order.direction() == Order.Direction.ASC;
        boolean nullsLast = order.nulls() == Order.Nulls.DEFAULT ? ascending : order.nulls() == Order.Nulls.LAST;
        if (value == null) {
            return nullsLast ? null : Condition.isNotNull(path);
        }
        Condition further = ascending ? Condition.gt(path, value) : Condition.lt(path, value);
        return nullable && nullsLast ? further.or(Condition.isNull(path)) : further;
    }

    /** A single id, or a unique NOT NULL column; one part of a composite key is not unique alone. */
    private static boolean isUnique(EntityMapping mapping, ColumnMapping column) {
        return (column.role() == ColumnMapping.Role.ID && !mapping.key().isComposite())
                || (column.unique() && !column.nullable());
    }
}
