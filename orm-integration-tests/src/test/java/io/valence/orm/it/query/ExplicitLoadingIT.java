package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.RelationshipNotLoadedException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * No implicit I/O: a relationship that was not loaded is never loaded behind the caller's back. An
 * unloaded collection throws {@link RelationshipNotLoadedException} naming the fixes; an unloaded
 * to-one reads as null and keeps its foreign key; {@code session.isLoaded} tells which is which, and
 * {@code session.fetch} loads one relationship with one statement.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class ExplicitLoadingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A parent with two children; returns the parent's id. */
    private static Long family(SessionFactory factory, String tag) {
        return factory.inTransaction(session -> {
                    Parent parent = new Parent(tag);
                    session.add(parent);
                    session.add(new Child(tag + "-c0", parent));
                    session.add(new Child(tag + "-c1", parent));
                    return session.flush().then(Mono.fromSupplier(() -> parent.id));
                })
                .block(TIMEOUT);
    }

    private static void close(ReactiveSession session) {
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void touchingAnUnloadedCollectionThrowsNamingEntityRelationshipAndFixes(SessionFactory factory) {
        Long id = family(factory, "touch");
        ReactiveSession session = factory.openSession();
        Parent parent = session.one(Select.from(Parent.class).filterBy("id", id)).block(TIMEOUT);
        assertThat(session.isLoaded(parent, "children")).isFalse();
        assertThatThrownBy(() -> parent.children.size())
                .isInstanceOfSatisfying(RelationshipNotLoadedException.class, error -> {
                    assertThat(error.entityType()).isEqualTo("Parent");
                    assertThat(error.relationship()).isEqualTo("children");
                })
                .hasMessage("Parent.children was not loaded, and Valence never loads relationships implicitly."
                        + " Load it in the query with .options(Load.selectIn(\"children\")) or Load.joined(\"children\"),"
                        + " or load it now with session.fetch(entity, \"children\").");
        assertThatThrownBy(() -> parent.children.iterator()).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> parent.children.get(0)).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> parent.children.isEmpty()).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> parent.children.stream().count()).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> new ArrayList<>(parent.children)).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> parent.children.add(new Child("touch-new", parent)))
                .isInstanceOf(RelationshipNotLoadedException.class);
        assertThat(parent.children.toString()).isEqualTo("<not loaded: Parent.children>");
        close(session);
    }

    @Test
    void fetchFillsAnUnloadedCollectionWithOneStatement(SessionFactory factory, StatementRecorder recorder) {
        Long id = family(factory, "fetch-coll");
        ReactiveSession session = factory.openSession();
        Parent parent = session.get(Parent.class, id).block(TIMEOUT);
        recorder.reset();
        StepVerifier.create(session.fetch(parent, "children"))
                .assertNext(fetched -> {
                    assertThat(fetched).isSameAs(parent);
                    assertThat(session.isLoaded(parent, "children")).isTrue();
                    assertThat(parent.children).extracting(child -> child.value)
                            .containsExactlyInAnyOrder("fetch-coll-c0", "fetch-coll-c1");
                    assertThat(parent.children).allSatisfy(child -> assertThat(child.parent).isSameAs(parent));
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("= ANY($1");
        close(session);
    }

    @Test
    void fetchReloadsACollectionThatWasAlreadyLoaded(SessionFactory factory) {
        Long id = family(factory, "refetch");
        ReactiveSession session = factory.openSession();
        Parent parent = session.one(Select.from(Parent.class).filterBy("id", id).options(Load.selectIn("children")))
                .block(TIMEOUT);
        assertThat(parent.children).hasSize(2);
        factory.inTransaction(other -> other.get(Parent.class, id).doOnNext(p -> other.add(new Child("refetch-c2", p))))
                .block(TIMEOUT);
        StepVerifier.create(session.fetch(parent, "children").map(p -> p.children.size()))
                .expectNext(3)
                .expectComplete()
                .verify(TIMEOUT);
        close(session);
    }

    @Test
    void anUnloadedToOneReadsNullAndAFlushKeepsItsForeignKey(SessionFactory factory, StatementRecorder recorder) {
        Long parentId = family(factory, "fk-kept");
        ReactiveSession session = factory.openSession();
        Child child = session.one(Select.from(Child.class).filterBy("value", "fk-kept-c0")).block(TIMEOUT);
        assertThat(child.parent).isNull();
        assertThat(session.isLoaded(child, "parent")).isFalse();
        child.value = "fk-kept-c0-renamed";
        recorder.reset();
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        close(session);
        Long count = factory.withSession(other -> other.count(Select.from(Child.class)
                        .filterBy("value", "fk-kept-c0-renamed")
                        .filterBy("parent.id", parentId)))
                .block(TIMEOUT);
        assertThat(count).as("parent_id survived the flush").isEqualTo(1L);
    }

    @Test
    void fetchLoadsAnUnloadedToOne(SessionFactory factory, StatementRecorder recorder) {
        Long parentId = family(factory, "fetch-m2o");
        ReactiveSession session = factory.openSession();
        Child child = session.one(Select.from(Child.class).filterBy("value", "fetch-m2o-c0")).block(TIMEOUT);
        recorder.reset();
        StepVerifier.create(session.fetch(child, "parent"))
                .assertNext(fetched -> {
                    assertThat(fetched.parent).isNotNull();
                    assertThat(fetched.parent.id).isEqualTo(parentId);
                    assertThat(fetched.parent.value).isEqualTo("fetch-m2o");
                    assertThat(session.isLoaded(fetched, "parent")).isTrue();
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        StepVerifier.create(session.get(Parent.class, parentId))
                .expectNextMatches(parent -> parent == child.parent)
                .expectComplete()
                .verify(TIMEOUT);
        close(session);
    }

    @Test
    void aToOneWhoseTargetIsAlreadyInTheSessionIsWiredWithoutIo(SessionFactory factory, StatementRecorder recorder) {
        Long parentId = family(factory, "wired-m2o");
        ReactiveSession session = factory.openSession();
        Parent parent = session.get(Parent.class, parentId).block(TIMEOUT);
        recorder.reset();
        Child child = session.one(Select.from(Child.class).filterBy("value", "wired-m2o-c1")).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        assertThat(recorder.statements().get(0).sql()).doesNotContain("JOIN");
        assertThat(child.parent).isSameAs(parent);
        assertThat(session.isLoaded(child, "parent")).isTrue();
        close(session);
    }

    @Test
    void aToOneFetchedAndThenClearedIsSetToNullAtFlush(SessionFactory factory) {
        family(factory, "fk-cleared");
        ReactiveSession session = factory.openSession();
        Child child = session.one(Select.from(Child.class).filterBy("value", "fk-cleared-c0")).block(TIMEOUT);
        session.fetch(child, "parent").block(TIMEOUT);
        child.parent = null;
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        close(session);
        Long orphans = factory.withSession(other -> other.count(Select.from(Child.class)
                        .filterBy("value", "fk-cleared-c0")
                        .filterBy("parent", null)))
                .block(TIMEOUT);
        assertThat(orphans).isEqualTo(1L);
    }

    @Test
    void aToOneAssignedWithoutLoadingItIsWrittenAtFlush(SessionFactory factory) {
        family(factory, "fk-assigned");
        Long otherId = family(factory, "fk-assigned-other");
        ReactiveSession session = factory.openSession();
        Child child = session.one(Select.from(Child.class).filterBy("value", "fk-assigned-c0")).block(TIMEOUT);
        Parent other = session.scalars(Select.from(Parent.class).filterBy("id", otherId)).blockFirst(TIMEOUT);
        child.parent = other;
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        close(session);
        Long moved = factory.withSession(s -> s.count(Select.from(Child.class)
                        .filterBy("value", "fk-assigned-c0")
                        .filterBy("parent.value", "fk-assigned-other")))
                .block(TIMEOUT);
        assertThat(moved).isEqualTo(1L);
    }

    @Test
    void aNewObjectsRelationshipsAreLoadedAndFetchRefusesIt(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Parent pending = new Parent("pending");
        session.add(pending);
        assertThat(session.isLoaded(pending, "children")).isTrue();
        assertThatThrownBy(() -> session.fetch(pending, "children"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Parent")
                .hasMessageContaining("is not persistent in this session, so its relationships cannot be fetched");
        close(session);
    }

    @Test
    void fetchOfAnUnknownRelationshipFailsAtTheCallListingTheRelationships(SessionFactory factory, StatementRecorder recorder) {
        Long id = family(factory, "fetch-unknown");
        ReactiveSession session = factory.openSession();
        Parent parent = session.get(Parent.class, id).block(TIMEOUT);
        recorder.reset();
        assertThatThrownBy(() -> session.fetch(parent, "kids"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parent has no relationship \"kids\"; its relationships are [children]");
        assertThatThrownBy(() -> session.isLoaded(parent, "kids"))
                .hasMessage("Parent has no relationship \"kids\"; its relationships are [children]");
        recorder.assertThat().hasNoStatements();
        close(session);
    }
}
