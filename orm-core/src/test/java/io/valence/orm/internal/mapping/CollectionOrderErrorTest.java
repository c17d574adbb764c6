package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problems of an {@code @OrderBy}, each asserting the full message. */
class CollectionOrderErrorTest {

    static class UnknownField {
        @Entity
        static class Shelf {
            @Id
            Long id;

            @OneToMany(mappedBy = "shelf")
            @OrderBy("height DESC")
            List<Jar> jars;
        }

        @Entity
        static class Jar {
            @Id
            Long id;

            String label;

            @ManyToOne
            Shelf shelf;
        }
    }

    @Test
    void anOrderByFieldTheElementDoesNotHaveNamesItsFields() {
        assertThat(MappingProblems.of(UnknownField.Shelf.class, UnknownField.Jar.class)).containsExactly(
                "Shelf.jars has @OrderBy(\"height DESC\"), but \"height DESC\" is not a field of Jar followed by an"
                        + " optional ASC or DESC; write field names of [id, label], e.g. @OrderBy(\"label DESC\")");
    }

    static class OnToOne {
        @Entity
        static class Shelf {
            @Id
            Long id;
        }

        @Entity
        static class Jar {
            @Id
            Long id;

            @ManyToOne
            @OrderBy
            Shelf shelf;
        }
    }

    @Test
    void anOrderByOnAToOneSaysToOrderTheQuery() {
        assertThat(MappingProblems.of(OnToOne.Shelf.class, OnToOne.Jar.class)).containsExactly(
                "Jar.shelf has @OrderBy but is not a @OneToMany or @ManyToMany; @OrderBy orders the members"
                        + " of a loaded collection: order queries with Select.orderBy(…) instead");
    }

    static class ById {
        @Entity
        static class Shelf {
            @Id
            Long id;

            @OneToMany(mappedBy = "shelf")
            @OrderBy
            List<Jar> jars;
        }

        @Entity
        static class Jar {
            @Id
            Long id;

            @ManyToOne
            Shelf shelf;
        }
    }

    @Test
    void anEmptyOrderByOrdersByTheElementsId() {
        RelationshipMapping jars = Metamodel.of(List.of(ById.Shelf.class, ById.Jar.class))
                .entity(ById.Shelf.class).relationship("jars");

        assertThat(jars.orderBy()).extracting(order -> order.column().column() + (order.descending() ? " DESC" : ""))
                .containsExactly("id");
    }
}
