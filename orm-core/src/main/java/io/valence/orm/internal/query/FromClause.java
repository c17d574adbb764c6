package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.InheritanceMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.query.Lock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The tables of one statement: the root as {@code t0} and the joins that property paths need, one per
 * path. Resolves paths to qualified columns, joining as it goes: explicit joins are INNER, paths
 * through a to-one that conditions and orders name are LEFT OUTER. Hands out the aliases of load
 * joins too, so every alias of a statement is distinct.
 */
final class FromClause {
    static final String ROOT = "t0";

    private final Metamodel metamodel;
    private final EntityMapping root;
    private final Map<String, Table> joined = new LinkedHashMap<>();
    private final StringBuilder joins = new StringBuilder();
    private final String rootAlias;
    /** The next alias number, shared with the subqueries of the statement so that aliases stay distinct. */
    private final int[] nextAlias;
    private boolean joinsCollection;

    private record Table(String alias, EntityMapping mapping) {}

    FromClause(Metamodel metamodel, EntityMapping root) {
        this(metamodel, root, ROOT, new int[] {1});
    }

    private FromClause(Metamodel metamodel, EntityMapping root, String rootAlias, int[] nextAlias) {
        this.metamodel = metamodel;
        this.root = root;
        this.rootAlias = rootAlias;
        this.nextAlias = nextAlias;
    }

    /**
     * The tables of a subquery over the relationship at {@code path} (a relationship of the root, or
     * reached through to-ones), correlated to this statement's rows: {@code "child" AS t3} and the
     * condition tying each of its rows to the owner's, {@code t3."parent_id" = t0."id"}.
     *
     * @param from the subquery's tables, its root aliased apart from this statement's
     * @param correlation the condition tying the subquery's rows to the owner's
     */
    record Correlated(FromClause from, String correlation) {}

    Correlated correlate(String path) {
        int lastDot = path.lastIndexOf('.');
        Table owner = lastDot < 0 ? new Table(rootAlias, root) : walk(path.substring(0, lastDot), path, false);
        RelationshipMapping relationship = relationship(owner.mapping(), path.substring(lastDot + 1), path);
        EntityMapping target = target(relationship);
        FromClause inner = new FromClause(metamodel, target, newAlias(), nextAlias);
        return new Correlated(inner, on(owner.mapping(), owner.alias(), relationship, target, inner.rootAlias));
    }

    /** The tables of an uncorrelated subquery over {@code entity}, its aliases apart from this statement's. */
    FromClause subquery(EntityMapping entity) {
        return new FromClause(metamodel, entity, newAlias(), nextAlias);
    }

    /** {@code "table" AS tN}: the root table with its alias. */
    String rootTable() {
        return TableSource.of(root) + " AS " + rootAlias;
    }

    EntityMapping root() {
        return root;
    }

    Metamodel metamodel() {
        return metamodel;
    }

    String newAlias() {
        return "t" + nextAlias[0]++;
    }

    /** Joins every relationship along {@code path} (INNER), reusing joins of the same path. */
    void join(String path) {
        walk(path, path, true);
    }

    /** Resolves a property path to a column, joining the to-ones it goes through. */
    ResolvedColumn resolve(String path) {
        // A column of an embedded value has a dotted name itself ("address.city"), also behind to-ones
        // ("customer.address.city"): the leading segments that are relationships are joined through.
        ColumnMapping own = root.column(path);
        if (own != null) {
            return column(rootAlias, root, own, path);
        }
        Table owner = new Table(rootAlias, root);
        for (int start = 0, dot = path.indexOf('.'); dot > 0; start = dot + 1, dot = path.indexOf('.', start)) {
            if (owner.mapping().relationship(path.substring(start, dot)) == null) {
                break;
            }
            owner = walk(path.substring(0, dot), path, false);
            ColumnMapping column = owner.mapping().column(path.substring(dot + 1));
            if (column != null) {
                return column(owner.alias(), owner.mapping(), column, path);
            }
        }
        int lastDot = path.lastIndexOf('.');
        Table table = lastDot < 0 ? new Table(rootAlias, root) : walk(path.substring(0, lastDot), path, false);
        String name = path.substring(lastDot + 1);
        EntityMapping mapping = table.mapping();
        ColumnMapping column = mapping.column(name);
        if (column == null) {
            RelationshipMapping relationship = mapping.relationship(name);
            if (relationship != null) {
                throw QueryErrors.notAColumn(mapping, relationship, path);
            }
            throw QueryErrors.unknownProperty(mapping, name);
        }
        return column(table.alias(), mapping, column, path);
    }

    /**
     * The columns of a path that names a whole composite key ({@link KeyColumns}), joining the to-ones
     * before it; {@code null}, and nothing joined, for any other path.
     */
    KeyColumns compositeKey(String path) {
        String[] names = path.split("\\.");
        EntityMapping mapping = root;
        for (int i = 0; i < names.length - 1; i++) {
            RelationshipMapping relationship = mapping.relationship(names[i]);
            if (relationship == null || relationship.isCollection()) {
                return null;
            }
            mapping = target(relationship);
        }
        String name = names[names.length - 1];
        RelationshipMapping owning = mapping.relationship(name);
        boolean foreignKey = owning != null && owning.isOwning() && mapping.foreignKeyColumns(owning).length > 1;
        boolean embeddedId = mapping.key().isComposite() && mapping.column(name) == null
                && mapping.key().parts().stream().allMatch(part -> part.property().startsWith(name + "."));
        if (!foreignKey && !embeddedId) {
            return null;
        }
        int lastDot = path.lastIndexOf('.');
        Table table = lastDot < 0 ? new Table(rootAlias, root) : walk(path.substring(0, lastDot), path, false);
        List<ColumnMapping> columns = foreignKey ? Arrays.stream(mapping.foreignKeyColumns(owning))
                .mapToObj(mapping.columns()::get).toList() : mapping.key().parts();
        List<ResolvedColumn> resolved = columns.stream().map(column -> new ResolvedColumn(
                Identifiers.qualified(table.alias(), column.column()), column, table.mapping(), null, path)).toList();
        return new KeyColumns(resolved, foreignKey ? target(owning) : mapping, path);
    }

    /** A column of a table of this statement, with the entity a foreign key refers to. */
    ResolvedColumn column(String alias, EntityMapping mapping, ColumnMapping column, String path) {
        RelationshipMapping owning = column.isForeignKey() ? mapping.relationshipOf(column) : null;
        if (owning != null && mapping.foreignKeyColumns(owning).length > 1) {
            throw QueryErrors.compositeForeignKey(mapping, owning, path);
        }
        EntityMapping reference = owning != null ? target(owning) : null;
        return new ResolvedColumn(
                alias == null ? Identifiers.quote(column.column()) : Identifiers.qualified(alias, column.column()),
                column,
                mapping,
                reference,
                path);
    }

    /**
     * {@code " FOR UPDATE OF t0[, tN…] [NOWAIT | SKIP LOCKED]"}: the lock of the root's rows and of the
     * rows of the joined paths the lock names.
     */
    String lockClause(Lock lock) {
        InheritanceMapping inheritance = root.inheritance();
        if (inheritance != null && inheritance.isJoined() && inheritance.requiredTables() < inheritance.tables().size()) {
            throw QueryErrors.lockOfJoinedBaseClass(root);
        }
        StringJoiner of = new StringJoiner(", ", " OF ", "");
        of.add(rootAlias);
        for (String path : lock.of()) {
            Table table = joined.get(path);
            if (table == null) {
                throw QueryErrors.lockPathNotJoined(root, path);
            }
            of.add(table.alias());
        }
        String strength = lock.strength() == Lock.Strength.UPDATE ? " FOR UPDATE" : " FOR SHARE";
        String wait = switch (lock.whenLocked()) {
            case WAIT -> "";
            case NOWAIT -> " NOWAIT";
            case SKIP_LOCKED -> " SKIP LOCKED";
        };
        return strength + of + wait;
    }

    /** Whether a join repeats root rows (it goes through a collection). */
    boolean joinsCollection() {
        return joinsCollection;
    }

    /** The joins made so far, each starting with a space. */
    String joins() {
        return joins.toString();
    }

    EntityMapping target(RelationshipMapping relationship) {
        return metamodel.entity(relationship.target());
    }

    /** The relationship {@code name} of {@code mapping}, or an error naming {@code path}. */
    static RelationshipMapping relationship(EntityMapping mapping, String name, String path) {
        RelationshipMapping relationship = mapping.relationship(name);
        if (relationship == null) {
            throw QueryErrors.noRelationship(mapping, name, path);
        }
        return relationship;
    }

    /** {@code <kind> "target" AS alias ON …} for a join from {@code parentAlias} along {@code relationship}. */
    static String joinSql(
            String kind,
            EntityMapping parent,
            String parentAlias,
            RelationshipMapping relationship,
            EntityMapping target,
            String alias) {
        if (relationship.isLinked() && !relationship.link().inTargetTable()) {
            // through the link table: its alias is the target's with a suffix, so it stays distinct
            RelationshipMapping.LinkTable link = relationship.link();
            String linkAlias = alias + "_l";
            return " " + kind + " " + Identifiers.quote(link.table()) + " AS " + linkAlias + " ON "
                    + Identifiers.qualified(linkAlias, link.ownColumn()) + " = "
                    + Identifiers.qualified(parentAlias, parent.id().column())
                    + " " + kind + " " + TableSource.of(target) + " AS " + alias + " ON "
                    + Identifiers.qualified(alias, target.id().column()) + " = "
                    + Identifiers.qualified(linkAlias, link.otherColumn());
        }
        String on = on(parent, parentAlias, relationship, target, alias);
        return " " + kind + " " + TableSource.of(target) + " AS " + alias + " ON " + on;
    }

    /**
     * {@code alias.id = parentAlias.fk} (owning side) or {@code alias.fk = parentAlias.id} (inverse
     * side); for a many-to-many, that a link row joins the two.
     */
    private static String on(
            EntityMapping parent, String parentAlias, RelationshipMapping relationship, EntityMapping target, String alias) {
        if (relationship.isLinked() && relationship.link().inTargetTable()) {
            return Identifiers.qualified(alias, relationship.link().ownColumn()) + " = "
                    + Identifiers.qualified(parentAlias, parent.id().column());
        }
        if (relationship.isLinked()) {
            RelationshipMapping.LinkTable link = relationship.link();
            String linkAlias = alias + "_l";
            return "EXISTS (SELECT 1 FROM " + Identifiers.quote(link.table()) + " AS " + linkAlias + " WHERE "
                    + Identifiers.qualified(linkAlias, link.ownColumn()) + " = "
                    + Identifiers.qualified(parentAlias, parent.id().column()) + " AND "
                    + Identifiers.qualified(linkAlias, link.otherColumn()) + " = "
                    + Identifiers.qualified(alias, target.id().column()) + ")";
        }
        return relationship.isOwning()
                ? keyEquals(alias, target, parentAlias, parent, relationship, false)
                : keyEquals(parentAlias, parent, alias, target, target.relationship(relationship.mappedBy()), true);
    }

    /**
     * {@code key."id" = referring."fk"} over each key part ({@code AND}-ed for a composite key), the
     * side {@code keyFirst} names written first.
     */
    private static String keyEquals(String keyAlias, EntityMapping keyOwner, String referringAlias,
            EntityMapping referring, RelationshipMapping owning, boolean referringFirst) {
        int[] foreignKey = referring.foreignKeyColumns(owning);
        StringJoiner terms = new StringJoiner(" AND ");
        for (int i = 0; i < foreignKey.length; i++) {
            String key = Identifiers.qualified(keyAlias, keyOwner.key().parts().get(i).column());
            String reference = Identifiers.qualified(referringAlias, referring.columns().get(foreignKey[i]).column());
            terms.add(referringFirst ? reference + " = " + key : key + " = " + reference);
        }
        return terms.toString();
    }

    private Table walk(String joinPath, String fullPath, boolean explicit) {
        Table table = new Table(rootAlias, root);
        String[] names = joinPath.split("\\.");
        String prefix = "";
        for (String name : names) {
            prefix = prefix.isEmpty() ? name : prefix + "." + name;
            Table existing = joined.get(prefix);
            if (existing != null) {
                table = existing;
                continue;
            }
            RelationshipMapping relationship = relationship(table.mapping(), name, fullPath);
            if (relationship.isCollection() && !explicit) {
                throw QueryErrors.collectionNotJoined(table.mapping(), name, prefix, fullPath);
            }
            EntityMapping target = target(relationship);
            String alias = newAlias();
            joins.append(joinSql(
                    explicit ? "INNER JOIN" : "LEFT OUTER JOIN", table.mapping(), table.alias(), relationship, target, alias));
            joinsCollection |= relationship.isCollection();
            table = new Table(alias, target);
            joined.put(prefix, table);
        }
        return table;
    }
}
