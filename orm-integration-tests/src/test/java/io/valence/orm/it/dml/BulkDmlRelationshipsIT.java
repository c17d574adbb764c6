package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.query.Update;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Bulk DML on rows that loaded relationships of the session refer to: the session's collections
 * stay true, so the next flush neither resurrects bulk-deleted rows nor trips over children a bulk
 * update moved. Each test makes parents of its own: the class shares one database.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class BulkDmlRelationshipsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static List<Long> parentsWithChildren(SessionFactory factory, String name, int parents, int childrenEach) {
        return factory.inTransaction(session -> {
            List<Parent> created = new java.util.ArrayList<>();
            for (int p = 0; p < parents; p++) {
                Parent parent = new Parent(name + "-" + p);
                for (int c = 0; c < childrenEach; c++) {
                    parent.children.add(new Child(name + "-" + p + "-" + c, parent));
                }
                session.add(parent);
                created.add(parent);
            }
            return session.flush().then(Mono.fromSupplier(() -> created.stream().map(parent -> parent.id).toList()));
        }).block(TIMEOUT);
    }

    private static Mono<List<Parent>> loadWithChildren(ReactiveSession session, List<Long> ids) {
        return session.scalars(Select.from(Parent.class).where(io.valence.orm.query.Condition.in("id", ids))
                        .options(Load.selectIn("children")).orderBy("id"))
                .collectList();
    }

    private static Mono<List<Integer>> childCountsInNewSession(SessionFactory factory, List<Long> ids) {
        return factory.withSession(session -> loadWithChildren(session, ids)
                .map(parents -> parents.stream().map(parent -> parent.children.size()).toList()));
    }

    @Test
    void bulkDeletedChildrenLeaveTheLoadedCollectionAndAreNotResurrectedAtCommit(SessionFactory factory) {
        List<Long> ids = parentsWithChildren(factory, "resurrect", 1, 3);
        Mono<Integer> inMemory = factory.inTransaction(session -> loadWithChildren(session, ids).flatMap(parents -> session
                .execute(Delete.from(Child.class).filterBy("parent", parents.get(0)))
                .then(Mono.fromSupplier(() -> parents.get(0).children.size()))));
        StepVerifier.create(inMemory).expectNext(0).expectComplete().verify(TIMEOUT);
        StepVerifier.create(childCountsInNewSession(factory, ids)).expectNext(List.of(0)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkUpdateMovingChildrenToAnotherParentKeepsBothLoadedCollectionsTrue(SessionFactory factory) {
        List<Long> ids = parentsWithChildren(factory, "move", 2, 2);
        Mono<List<Integer>> inMemory = factory.inTransaction(session -> loadWithChildren(session, ids).flatMap(parents -> {
            Parent from = parents.get(0);
            Parent to = parents.get(1);
            List<Child> moved = List.copyOf(from.children);
            return session.execute(Update.of(Child.class).set("parent", to).filterBy("parent", from))
                    .then(Mono.fromSupplier(() -> {
                        assertThat(moved).allSatisfy(child -> assertThat(child.parent).isSameAs(to));
                        assertThat(to.children).containsAll(moved);
                        return List.of(from.children.size(), to.children.size());
                    }));
        }));
        StepVerifier.create(inMemory).expectNext(List.of(0, 4)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(childCountsInNewSession(factory, ids)).expectNext(List.of(0, 4)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkUpdateOfAColumnLeavesCollectionsAsTheyAre(SessionFactory factory) {
        List<Long> ids = parentsWithChildren(factory, "rename", 1, 2);
        Mono<List<String>> values = factory.inTransaction(session -> loadWithChildren(session, ids).flatMap(parents -> session
                .execute(Update.of(Child.class).set("value", "renamed").filterBy("parent", parents.get(0)))
                .then(Mono.fromSupplier(() -> parents.get(0).children.stream().map(child -> child.value).toList()))));
        StepVerifier.create(values).expectNext(List.of("renamed", "renamed")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(childCountsInNewSession(factory, ids)).expectNext(List.of(2)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void childInsertedByExecuteJoinsTheLoadedCollectionOfItsParentOnce(SessionFactory factory) {
        List<Long> ids = parentsWithChildren(factory, "join", 1, 2);
        Mono<List<String>> values = factory.inTransaction(session -> loadWithChildren(session, ids).flatMap(parents -> session
                .execute(Insert.into(Child.class).values(Map.of("value", "join-added", "parent", parents.get(0))))
                .then(Mono.fromSupplier(() -> parents.get(0).children.stream().map(child -> child.value).sorted().toList()))));
        StepVerifier.create(values).expectNext(List.of("join-0-0", "join-0-1", "join-added")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(childCountsInNewSession(factory, ids)).expectNext(List.of(3)).expectComplete().verify(TIMEOUT);
    }
}
