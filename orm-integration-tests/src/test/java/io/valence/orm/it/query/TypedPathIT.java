package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Child_;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Parent_;
import io.valence.orm.query.Path;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Queries built from the JPA static metamodel that hibernate-jpamodelgen generates from the test
 * entities ({@code Child_}, {@code Parent_}; wired in this module's pom): a renamed field breaks their
 * compile. The factory fills the metamodel's attribute fields as a JPA provider would.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class TypedPathIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static void family(SessionFactory factory, String parentValue, String... childValues) {
        factory.inTransaction(session -> {
                    Parent parent = new Parent(parentValue);
                    session.add(parent);
                    for (String value : childValues) {
                        session.add(new Child(value, parent));
                    }
                    return Mono.empty();
                })
                .block(TIMEOUT);
    }

    @Test
    void conditionsOrdersAndProjectionsFromTheMetamodelRenderAsTheirStringPaths(
            SessionFactory factory, StatementRecorder recorder) {
        family(factory, "typed-1", "apple", "avocado", "banana");
        family(factory, "typed-2", "apricot");
        recorder.reset();

        List<String> values = factory.withSession(session -> session.scalars(Select.from(Child.class)
                                .where(Path.of(Child_.parent).to(Parent_.value).eq("typed-1")
                                        .and(Path.of(Child_.value).startsWith("a")))
                                .orderBy(Path.of(Child_.id).desc()))
                        .map(child -> child.value)
                        .collectList())
                .block(TIMEOUT);

        assertThat(values).containsExactly("avocado", "apple");
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t1.\"value\" = $1 AND t0.\"value\" LIKE $2 ORDER BY t0.\"id\" DESC");

        List<String> parents = factory.withSession(session -> session.scalars(Select.from(Parent.class)
                                .where(Path.of(Parent_.value).startsWith("typed-"))
                                .where(Path.of(Parent_.children).exists(Path.of(Child_.value).eq("apricot"))))
                        .map(parent -> parent.value)
                        .collectList())
                .block(TIMEOUT);
        Long counted = factory.withSession(session -> session.one(Select.from(Child.class)
                        .filterBy(Child_.parent, null)
                        .where(Path.of(Child_.value).eq("nobody"))
                        .value(Long.class, Path.of(Child_.value).count())))
                .block(TIMEOUT);
        List<String> byConstant = factory.withSession(session -> session.rows(Select.from(Child.class)
                                .where(Path.of(Child_.parent).to(Parent_.value).eq("typed-1"))
                                .orderBy(Child_.VALUE)
                                .value(String.class, Child_.VALUE))
                        .collectList())
                .block(TIMEOUT);

        assertThat(parents).containsExactly("typed-2");
        assertThat(counted).isZero();
        assertThat(byConstant).containsExactly("apple", "avocado", "banana");
    }

    @Test
    void theFilledAttributesAnswerTheirNameMemberAndTypeAndRefuseTheRest(SessionFactory factory) {
        assertThat(factory).isNotNull(); // building it filled the metamodel
        assertThat(Child_.value.getName()).isEqualTo("value");
        assertThat(Child_.value.getJavaType()).isEqualTo(String.class);
        assertThat(Child_.value.getJavaMember().getName()).isEqualTo("value");
        assertThat(Child_.parent.isAssociation()).isTrue();
        assertThat(Parent_.children.isCollection()).isTrue();
        assertThat(Path.of(Child_.parent).to(Parent_.value).path()).isEqualTo("parent.value");
        assertThatThrownBy(Child_.value::getDeclaringType)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("Child.value was filled by Valence, which answers its name, Java member and type only");
    }
}
