package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every row a query reads goes through the session's identity map: an object already in the session
 * is returned as it is, its in-memory state kept, unless it was expired or the query asks for
 * populate-existing. Queries autoflush first, so a pending change is one the query sees; a change the
 * query cannot see (made by another transaction, or after the query started) is what shows that rows
 * never overwrite loaded objects.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class IdentityMapQueryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Long saveParent(SessionFactory factory, String value) {
        return factory.inTransaction(session -> {
                    Parent parent = new Parent(value);
                    session.add(parent);
                    return session.flush().then(Mono.fromSupplier(() -> parent.id));
                })
                .block(TIMEOUT);
    }

    /** Another transaction changes the row's value and commits. */
    private static void changeElsewhere(SessionFactory factory, Long id, String value) {
        factory.inTransaction(session -> session.get(Parent.class, id).doOnNext(parent -> parent.value = value))
                .block(TIMEOUT);
    }

    @Test
    void aQueryReturnsTheLoadedInstanceWithoutOverwritingItWithTheRow(SessionFactory factory) {
        Long id = saveParent(factory, "im-kept-before");
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, id).block(TIMEOUT);
        changeElsewhere(factory, id, "im-kept-theirs");
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("id", id)))
                .assertNext(found -> {
                    assertThat(found).isSameAs(loaded);
                    assertThat(found.value).as("the row says im-kept-theirs; the loaded object wins").isEqualTo("im-kept-before");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("value", "im-kept-theirs")))
                .assertNext(found -> assertThat(found).isSameAs(loaded).extracting(p -> p.value).isEqualTo("im-kept-before"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void populateExistingOverwritesTheLoadedInstanceWithTheRow(SessionFactory factory) {
        Long id = saveParent(factory, "im-populate-before");
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, id).block(TIMEOUT);
        changeElsewhere(factory, id, "im-populate-theirs");
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("id", id).populateExisting()))
                .assertNext(found -> {
                    assertThat(found).isSameAs(loaded);
                    assertThat(found.value).isEqualTo("im-populate-theirs");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anExpiredInstanceIsReloadedByTheNextQueryThatReadsItsRow(SessionFactory factory) {
        Long id = saveParent(factory, "im-expired-before");
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, id).block(TIMEOUT);
        changeElsewhere(factory, id, "im-expired-theirs");
        session.expire(loaded);
        StepVerifier.create(session.scalars(Select.from(Parent.class).filterBy("id", id)))
                .assertNext(found -> {
                    assertThat(found).isSameAs(loaded);
                    assertThat(found.value).isEqualTo("im-expired-theirs");
                })
                .expectComplete()
                .verify(TIMEOUT);
        changeElsewhere(factory, id, "im-expired-again");
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("id", id)))
                .assertNext(found -> assertThat(found.value).as("reloaded once, then kept").isEqualTo("im-expired-theirs"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aPendingChangeIsFlushedBeforeTheQuerySoTheQuerySeesIt(SessionFactory factory, StatementRecorder recorder) {
        Long id = saveParent(factory, "im-autoflush-before");
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, id).block(TIMEOUT);
        loaded.value = "im-autoflush-after";
        recorder.reset();
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("value", "im-autoflush-after")))
                .assertNext(found -> {
                    assertThat(found).isSameAs(loaded);
                    assertThat(found.value).isEqualTo("im-autoflush-after");
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.UPDATE, StatementKind.SELECT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        StepVerifier.create(session.count(Select.from(Parent.class).filterBy("value", "im-autoflush-before")))
                .expectNext(0L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aChangeMadeWhileTheStreamRunsIsNotOverwrittenByItsLaterRows(SessionFactory factory) {
        Long first = saveParent(factory, "im-midstream");
        Long second = saveParent(factory, "im-midstream");
        ReactiveSession session = factory.openSession();
        Parent secondLoaded = session.get(Parent.class, second).block(TIMEOUT);
        Select<Parent> both = Select.from(Parent.class).where(Condition.in("id", first, second)).orderBy("id");
        StepVerifier.create(session.scalars(both))
                .assertNext(found -> {
                    assertThat(found.id).isEqualTo(first);
                    secondLoaded.value = "im-midstream-changed"; // after the autoflush: the query cannot see it
                })
                .assertNext(found -> {
                    assertThat(found).isSameAs(secondLoaded);
                    assertThat(found.value).isEqualTo("im-midstream-changed");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.flush()
                        .then(session.count(Select.from(Parent.class).filterBy("value", "im-midstream-changed"))))
                .as("the change is still pending and is flushed as usual")
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void populateExistingCannotLoseAPendingChangeBecauseTheQueryFlushesItFirst(SessionFactory factory) {
        Long id = saveParent(factory, "im-populate-pending");
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, id).block(TIMEOUT);
        loaded.value = "im-populate-pending-mine";
        StepVerifier.create(session.one(Select.from(Parent.class).filterBy("id", id).populateExisting()))
                .assertNext(found -> assertThat(found.value).isEqualTo("im-populate-pending-mine"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void everyQueryOfTheSameRowReturnsOneInstanceAndAGetOfItCostsNoStatement(
            SessionFactory factory, StatementRecorder recorder) {
        Long id = saveParent(factory, "im-one-instance");
        saveParent(factory, "im-one-instance-other");
        ReactiveSession session = factory.openSession();
        List<Parent> byValue = session.scalars(Select.from(Parent.class).where(Condition.like("value", "im-one-instance%")))
                .collectList()
                .block(TIMEOUT);
        Parent byId = session.one(Select.from(Parent.class).filterBy("id", id)).block(TIMEOUT);
        assertThat(byValue).hasSize(2).containsOnlyOnce(byId);
        recorder.reset();
        StepVerifier.create(session.get(Parent.class, id)).expectNextMatches(found -> found == byId).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aJoinedLoadWiresTheLoadedInstanceAndKeepsItsState(SessionFactory factory) {
        Long parentId = factory.inTransaction(session -> {
                    Parent parent = new Parent("im-joined-before");
                    session.add(new Child("im-joined-child", parent));
                    session.add(parent);
                    return session.flush().then(Mono.fromSupplier(() -> parent.id));
                })
                .block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        Parent loaded = session.get(Parent.class, parentId).block(TIMEOUT);
        changeElsewhere(factory, parentId, "im-joined-theirs");
        StepVerifier.create(session.one(Select.from(Child.class)
                        .filterBy("value", "im-joined-child")
                        .options(Load.joined("parent"))))
                .assertNext(child -> {
                    assertThat(child.parent).isSameAs(loaded);
                    assertThat(child.parent.value).isEqualTo("im-joined-before");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }
}
