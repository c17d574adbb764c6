package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.OrmException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.session.model.Basket;
import io.valence.orm.it.session.model.Line;
import io.valence.orm.it.session.model.Playlist;
import io.valence.orm.it.session.model.Track;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Save-update cascade in both directions, both sides of a relationship, and the delete cascades. */
@ValenceTest(entities = {Parent.class, Child.class, Playlist.class, Track.class, Basket.class, Line.class})
class CascadeIT {

    private static long children(SessionFactory factory, String parentValue) {
        return factory.withSession(session -> session.count(Select.from(Child.class).filterBy("parent.value", parentValue)))
                .block(TIMEOUT);
    }

    private static Parent parentWithChildren(SessionFactory factory, String value, String... children) {
        Parent parent = new Parent(value);
        for (String child : children) {
            parent.children.add(new Child(child, parent));
        }
        return Committed.rows(factory, List.of(parent)).get(0);
    }

    @Test
    void addingAChildAddsItsNewParent(SessionFactory factory) {
        StepVerifier.create(factory.inTransaction(session -> {
                    Parent parent = new Parent("cascade-up");
                    session.add(new Child("c", parent));
                    return Mono.just(session.contains(parent));
                }))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(children(factory, "cascade-up")).isOne();
    }

    @Test
    void addingAParentAddsTheChildrenInItsCollection(SessionFactory factory) {
        StepVerifier.create(factory.inTransaction(session -> {
                    Parent parent = new Parent("cascade-down");
                    Child first = new Child("a", parent);
                    Child second = new Child("b", parent);
                    parent.children.addAll(List.of(first, second));
                    session.add(parent);
                    return Mono.just(session.contains(first) && session.contains(second));
                }))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(children(factory, "cascade-down")).isEqualTo(2);
    }

    @Test
    void theCollectionSideAloneIsEnoughToSetTheForeignKey(SessionFactory factory) {
        Parent parent = new Parent("only-collection");
        Child child = new Child("only-in-the-list", null);
        parent.children.add(child);

        Committed.rows(factory, List.of(parent));

        assertThat(child.parent).as("the owning side is made consistent at flush").isSameAs(parent);
        assertThat(children(factory, "only-collection")).isOne();
    }

    @Test
    void aNewChildInALoadedCollectionOfAPersistentParentIsInsertedPointingAtIt(SessionFactory factory) {
        Parent parent = parentWithChildren(factory, "loaded-collection", "first");

        factory.inTransaction(session -> session.one(Select.from(Parent.class).filterBy("id", parent.id)
                        .options(Load.selectIn("children")))
                .doOnNext(loaded -> loaded.children.add(new Child("second", null)))).block(TIMEOUT);

        assertThat(children(factory, "loaded-collection")).isEqualTo(2);
    }

    @Test
    void sidesThatContradictEachOtherAreAClearErrorNamingBothObjects(SessionFactory factory, StatementRecorder recorder) {
        Parent first = parentWithChildren(factory, "contradiction-a", "disputed");
        Parent second = parentWithChildren(factory, "contradiction-b");
        Long childId = first.children.get(0).id;
        ReactiveSession session = factory.openSession();
        List<Parent> loaded = session.scalars(Select.from(Parent.class)
                        .where(io.valence.orm.query.Condition.in("id", List.of(first.id, second.id)))
                        .orderBy("id")
                        .options(Load.selectIn("children")))
                .collectList()
                .block(TIMEOUT);
        Child disputed = loaded.get(0).children.get(0);
        loaded.get(1).children.add(disputed); // but disputed.parent still refers to the first parent
        recorder.reset();

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessageContaining("Parent#" + second.id + ".children holds Child#" + childId)
                        .hasMessageContaining("but Child#" + childId + ".parent refers to Parent#" + first.id)
                        .hasMessageContaining("contradict each other"))
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();

        loaded.get(0).children.remove(disputed);
        disputed.parent = loaded.get(1);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(children(factory, "contradiction-b")).isOne();
    }

    @Test
    void cascadeRemoveDeletesTheChildrenOfALoadedCollectionChildrenFirst(SessionFactory factory, StatementRecorder recorder) {
        Playlist playlist = new Playlist("loaded");
        playlist.tracks.addAll(List.of(new Track("t1", playlist), new Track("t2", playlist)));
        Committed.rows(factory, List.of(playlist));

        Mono<Void> deleted = factory.inTransaction(session -> session.one(Select.from(Playlist.class)
                        .filterBy("id", playlist.id).options(Load.selectIn("tracks")))
                .flatMap(loaded -> {
                    session.delete(loaded);
                    recorder.reset();
                    return session.flush();
                }));

        StepVerifier.create(deleted).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.DELETE, StatementKind.DELETE);
        recorder.assertThat().deletes().element(0).sqlContains("DELETE FROM \"track\"");
        recorder.assertThat().deletes().element(1).sqlContains("DELETE FROM \"playlist\"");
        assertThat(tracks(factory, playlist.id)).isZero();
    }

    @Test
    void cascadeRemoveLoadsAnUnloadedCollectionAtFlushAndDeletesItsMembers(SessionFactory factory, StatementRecorder recorder) {
        Playlist playlist = new Playlist("unloaded");
        playlist.tracks.addAll(List.of(new Track("t1", playlist), new Track("t2", playlist), new Track("t3", playlist)));
        Committed.rows(factory, List.of(playlist));

        Mono<Void> deleted = factory.inTransaction(session -> session.get(Playlist.class, playlist.id).flatMap(loaded -> {
            session.delete(loaded);
            recorder.reset();
            return session.flush();
        }));

        StepVerifier.create(deleted).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.SELECT, StatementKind.DELETE, StatementKind.DELETE);
        recorder.assertThat().deletes().element(0).sqlContains("DELETE FROM \"track\"");
        assertThat(tracks(factory, playlist.id)).isZero();
    }

    private static long tracks(SessionFactory factory, Long playlistId) {
        return factory.withSession(session -> session.count(Select.from(Track.class).filterBy("playlist.id", playlistId)))
                .block(TIMEOUT);
    }

    @Test
    void orphanRemovalDeletesALineRemovedFromTheLoadedList(SessionFactory factory, StatementRecorder recorder) {
        Basket basket = new Basket("orphans");
        basket.lines.addAll(List.of(new Line("kept", basket), new Line("removed", basket)));
        Committed.rows(factory, List.of(basket));

        factory.inTransaction(session -> session.one(Select.from(Basket.class).filterBy("id", basket.id)
                        .options(Load.selectIn("lines")))
                .doOnNext(loaded -> {
                    loaded.lines.removeIf(line -> line.product.equals("removed"));
                    recorder.reset();
                })).block(TIMEOUT);

        recorder.assertThat().hasNoUpdates().deletes().singleElement().sqlContains("DELETE FROM \"line\"");
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Line.class)
                                .filterBy("basket.id", basket.id)).map(line -> line.product).collectList()))
                .expectNext(List.of("kept"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aChildRemovedFromTheListWithoutOrphanRemovalIsDetachedFromItsParent(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = parentWithChildren(factory, "unlinks", "leaves");
        recorder.reset();

        factory.inTransaction(session -> session.one(Select.from(Parent.class).filterBy("id", parent.id)
                        .options(Load.selectIn("children")))
                .doOnNext(loaded -> loaded.children.clear())).block(TIMEOUT);

        recorder.assertThat().hasNo(StatementKind.DELETE).updates().singleElement().setsOnly("parent_id");
        assertThat(children(factory, "unlinks")).isZero();
    }

    @Test
    void deletingAParentWhoseLoadedChildrenStillPointAtItIsAnErrorNamingBoth(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = parentWithChildren(factory, "still-referenced", "points-at-it");
        Long childId = parent.children.get(0).id;

        Mono<Void> attempt = factory.inTransaction(session -> session.one(Select.from(Parent.class)
                        .filterBy("id", parent.id).options(Load.selectIn("children")))
                .flatMap(loaded -> {
                    session.delete(loaded);
                    recorder.reset();
                    return session.flush();
                }));

        StepVerifier.create(attempt)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessageContaining("Parent#" + parent.id + " is marked for deletion, but Child#" + childId
                                + " still refers to it through Child.parent")
                        .hasMessageContaining("cascade = CascadeType.REMOVE"))
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
        assertThat(children(factory, "still-referenced")).isOne();
    }
}
