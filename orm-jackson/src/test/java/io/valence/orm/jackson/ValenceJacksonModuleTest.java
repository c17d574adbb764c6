package io.valence.orm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.valence.orm.internal.state.UnloadedCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entities as JSON: unloaded relationships left out, cycles cut to references, fields rather than getters. */
class ValenceJacksonModuleTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ValenceJacksonModule());

    @Entity
    static class Parent {
        @Id
        private Long id;
        private String value;
        @OneToMany(mappedBy = "parent")
        private List<Child> children = new ArrayList<>();
        @Transient
        private String cached = "not written";

        Parent(Long id, String value) {
            this.id = id;
            this.value = value;
        }

        /** A getter Jackson would call without the module; it must not run. */
        public String getSummary() {
            throw new AssertionError("the module writes fields, not getters");
        }
    }

    @Entity
    static class Child {
        @Id
        private Long id;
        private String value;
        @ManyToOne
        private Parent parent;

        Child(Long id, String value, Parent parent) {
            this.id = id;
            this.value = value;
            this.parent = parent;
            if (parent != null) {
                parent.children.add(this);
            }
        }
    }

    @Test
    void writesALoadedGraphOnceWithBackReferencesAsIds() throws Exception {
        Parent parent = new Parent(1L, "p");
        new Child(10L, "a", parent);
        new Child(11L, "b", parent);

        assertThat(mapper.writeValueAsString(parent)).isEqualTo("{\"id\":1,\"value\":\"p\",\"children\":["
                + "{\"id\":10,\"value\":\"a\",\"parent\":{\"id\":1}},{\"id\":11,\"value\":\"b\",\"parent\":{\"id\":1}}]}");
        assertThat(mapper.writeValueAsString(parent.children.get(0))).isEqualTo("{\"id\":10,\"value\":\"a\",\"parent\":"
                + "{\"id\":1,\"value\":\"p\",\"children\":[{\"id\":10},{\"id\":11,\"value\":\"b\",\"parent\":{\"id\":1}}]}}");
    }

    @Test
    void omitsACollectionThatWasNotLoadedAndANullToOne() throws Exception {
        Parent parent = new Parent(2L, "q");
        parent.children = new UnloadedCollection<>("Parent", "children");
        Child orphan = new Child(20L, "c", null);

        assertThat(mapper.writeValueAsString(List.of(parent, orphan)))
                .isEqualTo("[{\"id\":2,\"value\":\"q\"},{\"id\":20,\"value\":\"c\"}]");
    }

    @Test
    void leavesOtherClassesToJacksonsDefaults() throws Exception {
        record View(long id, String value) {}

        assertThat(mapper.writeValueAsString(new View(3, "r"))).isEqualTo("{\"id\":3,\"value\":\"r\"}");
    }
}
