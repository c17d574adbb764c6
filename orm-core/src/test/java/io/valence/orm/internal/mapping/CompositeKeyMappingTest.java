package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
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
    void aForeignKeyToACompositeKeyIsRefusedWithTheFix() {
        assertThat(MappingProblems.of(Pair.class, RefersToPair.class)).containsExactly("RefersToPair.pair relates"
                + " RefersToPair and Pair, and Pair has a composite key; foreign keys to a composite key are not"
                + " supported yet: map the key parts on the referring entity as plain columns and query them with"
                + " Condition.eq(…), or give Pair a single @Id");
    }
}
