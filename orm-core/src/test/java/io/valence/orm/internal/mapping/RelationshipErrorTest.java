package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per problem of a relationship mapping, each asserting the full message. */
class RelationshipErrorTest {

    static class Unregistered {
        @Entity
        static class Parent {
            @Id
            Long id;
        }

        @Entity
        static class Child {
            @Id
            Long id;

            @ManyToOne
            Parent parent;
        }
    }

    @Test
    void relationshipToEntityNotRegisteredNamesHowToRegisterIt() {
        assertThat(MappingProblems.of(Unregistered.Child.class)).containsExactly(
                "Child.parent refers to Parent, which is not among this factory's entities; add it with"
                        + " entities(Parent.class) or scanPackages(\"io.valence.orm.internal.mapping\")");
    }

    static class Address {
        String street;
    }

    @Entity
    static class Customer {
        @Id
        Long id;

        @ManyToOne
        Address address;
    }

    @Test
    void relationshipToClassThatIsNotAnEntityNamesTheAnnotationToAdd() {
        assertThat(MappingProblems.of(Customer.class)).containsExactly(
                "Customer.address refers to Address, which is not annotated with @Entity; annotate Address with"
                        + " @Entity and add it with entities(Address.class), or mark Customer.address @Transient");
    }

    static class MissingMappedBy {
        @Entity
        static class Parent {
            @Id
            Long id;

            @OneToMany(mappedBy = "parnt")
            List<Child> children = new ArrayList<>();
        }

        @Entity
        static class Child {
            @Id
            Long id;

            @ManyToOne
            Parent parent;
        }
    }

    @Test
    void mappedByNamingAMissingFieldNamesTheFieldThatPointsBack() {
        assertThat(MappingProblems.of(MissingMappedBy.Parent.class, MissingMappedBy.Child.class)).containsExactly(
                "Parent.children has mappedBy = \"parnt\", but Child has no field of that name; mappedBy must name the"
                        + " @ManyToOne field of Child that holds the foreign key back to Parent (\"parent\")");
    }

    static class WrongMappedBy {
        @Entity
        static class Parent {
            @Id
            Long id;

            @OneToMany(mappedBy = "label")
            List<Child> children = new ArrayList<>();
        }

        @Entity
        static class Child {
            @Id
            Long id;

            String label;
        }
    }

    @Test
    void mappedByNamingAFieldOfTheWrongKindSaysWhatItIsAndWhatIsNeeded() {
        assertThat(MappingProblems.of(WrongMappedBy.Parent.class, WrongMappedBy.Child.class)).containsExactly(
                "Parent.children has mappedBy = \"label\", but Child.label is a String column, not an owning"
                        + " @ManyToOne of Parent; mappedBy must name the @ManyToOne field of Child that holds the"
                        + " foreign key back to Parent: add such a field to Child");
    }

    static class InverseToInverse {
        @Entity
        static class Person {
            @Id
            Long id;

            @OneToOne(mappedBy = "person")
            Passport passport;
        }

        @Entity
        static class Passport {
            @Id
            Long id;

            @OneToOne(mappedBy = "passport")
            Person person;
        }
    }

    @Test
    void oneToOneWhoseBothSidesAreMappedByIsReportedOnEachSide() {
        assertThat(MappingProblems.of(InverseToInverse.Person.class, InverseToInverse.Passport.class)).containsExactly(
                "Person.passport has mappedBy = \"person\", but Passport.person is the inverse (mappedBy) side of a"
                        + " @OneToOne, not an owning @OneToOne of Person; mappedBy must name the @OneToOne field of"
                        + " Passport that holds the foreign key back to Person: add such a field to Passport",
                "Passport.person has mappedBy = \"passport\", but Person.passport is the inverse (mappedBy) side of a"
                        + " @OneToOne, not an owning @OneToOne of Passport; mappedBy must name the @OneToOne field of"
                        + " Person that holds the foreign key back to Passport: add such a field to Person");
    }

    @Entity
    static class Album {
        @Id
        Long id;

        @OneToMany
        List<Album> tracks;
    }

    @Test
    void oneToManyWithoutMappedByOrJoinColumnIsReportedWithBothWaysToMapIt() {
        assertThat(MappingProblems.of(Album.class)).containsExactly(
                "Album.tracks is a @OneToMany without mappedBy or @JoinColumn; add a @ManyToOne field on the element"
                        + " class and write @OneToMany(mappedBy = \"thatField\"), or name the foreign key column on the"
                        + " element's table with @JoinColumn(name = …)");
    }

    @Entity
    static class Playlist {
        @Id
        Long id;

        @OneToMany(mappedBy = "playlist")
        @JoinColumn(name = "playlist_id")
        List<Playlist> entries;
    }

    @Test
    void oneToManyWithMappedByAndJoinColumnSaysTheJoinColumnBelongsOnTheManyToOne() {
        assertThat(MappingProblems.of(Playlist.class)).containsExactly(
                "Playlist.entries is a @OneToMany with mappedBy and @JoinColumn; the foreign key column belongs to the"
                        + " @ManyToOne on the element class: move @JoinColumn there and keep @OneToMany(mappedBy = …)");
    }

    @Entity
    static class Library {
        @Id
        Long id;

        @OneToMany(mappedBy = "library")
        Map<String, Library> books;

        @SuppressWarnings("rawtypes")
        @OneToMany(mappedBy = "library")
        List shelves;
    }

    @Test
    void oneToManyOfAnUnsupportedCollectionOrWithoutElementTypeSaysHowToDeclareIt() {
        assertThat(MappingProblems.of(Library.class)).containsExactly(
                "Library.books is a @OneToMany of type Map; declare it as List, Set or Collection",
                "Library.shelves is a @OneToMany without a concrete element type; declare it as e.g. List<Child>");
    }

    @Entity
    static class Node {
        @Id
        Long id;

        @OneToOne(mappedBy = "next")
        @JoinColumn(name = "previous_id")
        Node previous;

        @OneToOne
        Node next;

        @ManyToOne
        @OneToOne
        Node both;
    }

    @Test
    void inverseOneToOneWithJoinColumnAndFieldWithTwoRelationshipKindsAreReported() {
        assertThat(MappingProblems.of(Node.class)).containsExactly(
                "Node.previous is the inverse side (mappedBy) of a @OneToOne and cannot have @JoinColumn; put"
                        + " @JoinColumn on the owning side",
                "Node.both has more than one of @ManyToOne, @OneToMany, @OneToOne and @ManyToMany; keep exactly one");
    }

    @Entity
    static class Derived {
        @Id
        @ManyToOne
        Derived source;
    }

    @Test
    void idOnARelationshipIsReportedAsDerivedIdentity() {
        assertThat(MappingProblems.of(Derived.class)).containsExactly(
                "Derived.source is both @Id and a relationship; derived identities are not supported: give the entity"
                        + " its own @Id field and keep the relationship as a plain @ManyToOne/@OneToOne",
                "Derived has no @Id field; annotate its primary key field with @Id (and @GeneratedValue(strategy ="
                        + " IDENTITY) for a database-generated key)");
    }
}
