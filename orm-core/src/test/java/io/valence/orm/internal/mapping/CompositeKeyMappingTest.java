package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Composite keys that {@code build()} refuses, each with the fix. */
class CompositeKeyMappingTest {
    /** A key class with value equality. */
    static final class PairKey {
        long a;
        long b;

        @Override
        public boolean equals(Object other) {
            return other instanceof PairKey key && key.a == a && key.b == b;
        }

        @Override
        public int hashCode() {
            return Objects.hash(a, b);
        }
    }

    /** A key class without equals and hashCode. */
    static final class IdentityKey {
        long a;
        long b;
    }

    /** An embeddable key. */
    @Embeddable
    static class XyKey {
        long x;
        long y;

        @Override
        public boolean equals(Object other) {
            return other instanceof XyKey key && key.x == x && key.y == y;
        }

        @Override
        public int hashCode() {
            return Objects.hash(x, y);
        }
    }

    @Entity
    static class Renamed {
        @EmbeddedId
        @AttributeOverride(name = "x", column = @Column(name = "x_code"))
        XyKey id;
    }

    @Entity
    static class TwoEmbeddedIds {
        @EmbeddedId
        XyKey id;

        @EmbeddedId
        XyKey other;
    }

    @Entity
    @IdClass(PairKey.class)
    static class GeneratedPart {
        @Id
        @GeneratedValue
        Long a;

        @Id
        Long b;
    }

    @Entity
    @IdClass(IdentityKey.class)
    static class KeyWithoutEquality {
        @Id
        Long a;

        @Id
        Long b;
    }

    @Entity
    @IdClass(PairKey.class)
    static class MisnamedPart {
        @Id
        Long a;

        @Id
        Long c;
    }

    @Entity
    @IdClass(PairKey.class)
    static class Pair {
        @Id
        Long a;

        @Id
        Long b;
    }

    @Entity
    static class RefersToPair {
        @Id
        Long id;

        @ManyToOne
        Pair pair;
    }

    @Entity
    static class NamesPairColumns {
        @Id
        Long id;

        @ManyToOne
        @JoinColumns({@JoinColumn(name = "first"), @JoinColumn(name = "second")})
        Pair pair;
    }

    @Entity
    static class ReferencesPairColumns {
        @Id
        Long id;

        @ManyToOne
        @JoinColumns({@JoinColumn(name = "second", referencedColumnName = "b"),
            @JoinColumn(name = "first", referencedColumnName = "a")})
        Pair pair;
    }

    @Entity
    static class ReferencesOnePairColumnTwice {
        @Id
        Long id;

        @ManyToOne
        @JoinColumns({@JoinColumn(name = "second", referencedColumnName = "b"),
            @JoinColumn(name = "first", referencedColumnName = "b")})
        Pair pair;
    }

    @Entity
    static class NamesOneColumn {
        @Id
        Long id;

        @ManyToOne
        @JoinColumns({@JoinColumn(name = "first")})
        Pair pair;
    }

    @Entity
    static class Single {
        @Id
        Long id;

        @OneToMany(mappedBy = "single")
        @JoinColumns({@JoinColumn(name = "x")})
        List<NamesColumnsOfASingleKey> referrers;
    }

    @Entity
    static class NamesColumnsOfASingleKey {
        @Id
        Long id;

        @ManyToOne
        @JoinColumns({@JoinColumn(name = "single_ref")})
        Single single;
    }

    @Entity
    static class LinksPairs {
        @Id
        Long id;

        @ManyToMany
        Set<Pair> pairs;
    }

    @Test
    void anEmbeddedIdsColumnsAreRenamedByAttributeOverride() {
        EntityMapping mapping = Metamodel.of(List.of(Renamed.class)).entity(Renamed.class);

        assertThat(mapping.key().parts()).extracting(ColumnMapping::column).containsExactly("x_code", "y");
    }

    @Test
    void anEntityHasOneEmbeddedId() {
        assertThat(MappingProblems.of(TwoEmbeddedIds.class)).contains("TwoEmbeddedIds has several @EmbeddedId fields;"
                + " an entity has one key: keep one @EmbeddedId and make the other field @Embedded");
    }

    @Test
    void aGeneratedKeyPartIsRefusedWithTheFix() {
        assertThat(MappingProblems.of(GeneratedPart.class)).containsExactly("GeneratedPart has a composite key"
                + " (@IdClass) with a @GeneratedValue part; composite key parts are assigned by the application: remove"
                + " @GeneratedValue and set every part before add()");
    }

    @Test
    void aKeyClassNeedsValueEquality() {
        assertThat(MappingProblems.of(KeyWithoutEquality.class)).containsExactly("The key class IdentityKey of"
                + " KeyWithoutEquality does not override equals and hashCode; the session finds objects by key value:"
                + " implement both over every key field (or make it a class with generated equals/hashCode)");
    }

    @Test
    void theIdClassNamesEveryIdField() {
        assertThat(MappingProblems.of(MisnamedPart.class)).containsExactly("MisnamedPart.c is an @Id, but @IdClass"
                + " PairKey has no field of that name; declare `Long c` in PairKey");
    }

    @Test
    void aForeignKeyToACompositeKeyHasAColumnPerKeyPartNamedAfterTheRelationshipAndTheReferencedColumn() {
        EntityMapping mapping = Metamodel.of(List.of(Pair.class, RefersToPair.class)).entity(RefersToPair.class);
        RelationshipMapping pair = mapping.relationship("pair");

        assertThat(mapping.columns()).extracting(ColumnMapping::column).containsExactly("id", "pair_a", "pair_b");
        assertThat(mapping.foreignKeyColumns(pair)).containsExactly(1, 2);
        assertThat(mapping.relationshipOf(mapping.columns().get(2))).isSameAs(pair);
        assertThat(mapping.foreignKeyPart(mapping.columns().get(2))).isEqualTo(1);
    }

    @Test
    void joinColumnsNameTheForeignKeyColumnsInKeyOrder() {
        EntityMapping mapping = Metamodel.of(List.of(Pair.class, NamesPairColumns.class)).entity(NamesPairColumns.class);

        assertThat(mapping.columns()).extracting(ColumnMapping::column).containsExactly("id", "first", "second");
    }

    @Test
    void joinColumnsWithReferencedColumnNamesAreMatchedToTheKeyPartsByThem() {
        EntityMapping mapping = Metamodel.of(List.of(Pair.class, ReferencesPairColumns.class))
                .entity(ReferencesPairColumns.class);

        assertThat(mapping.columns()).as("the columns of parts a and b").extracting(ColumnMapping::column)
                .containsExactly("id", "first", "second");
        assertThat(MappingProblems.of(Pair.class, ReferencesOnePairColumnTwice.class)).containsExactly(
                "ReferencesOnePairColumnTwice.pair has @JoinColumns whose referencedColumnName values do not name each"
                        + " of Pair's key columns [a, b] once; name every one once, or leave referencedColumnName out"
                        + " and list the columns in the key's order");
    }

    @Test
    void joinColumnsNameOneColumnPerKeyPart() {
        assertThat(MappingProblems.of(Pair.class, NamesOneColumn.class)).containsExactly("NamesOneColumn.pair has"
                + " @JoinColumns with 1 columns, but Pair's key has 2 parts [a, b]; name one column per part, in that"
                + " order");
    }

    @Test
    void joinColumnsBelongToAForeignKeyToACompositeKey() {
        assertThat(MappingProblems.of(Single.class, NamesColumnsOfASingleKey.class)).containsExactlyInAnyOrder(
                "Single.referrers has @JoinColumns but is not a @ManyToOne or an owning @OneToOne; @JoinColumns names"
                        + " the columns of a foreign key to a composite key, which only the owning side has: remove it,"
                        + " or move it to the owning side",
                "NamesColumnsOfASingleKey.single has @JoinColumns, but Single has a single @Id, so the foreign key has"
                        + " one column; name it with @JoinColumn(name = …) instead");
    }

    @Test
    void aLinkTableOverACompositeKeyIsRefusedWithTheFix() {
        assertThat(MappingProblems.of(Pair.class, LinksPairs.class)).containsExactly("LinksPairs.pairs links"
                + " LinksPairs and Pair through a link column, and Pair has a composite key; link tables and @JoinColumn"
                + " collections over composite keys are not supported: map the link rows as an entity with a"
                + " @ManyToOne to each side, or give Pair a single @Id");
    }
}
