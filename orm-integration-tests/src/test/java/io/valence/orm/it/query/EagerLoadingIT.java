package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.RelationshipNotLoadedException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Node;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Eager loading on PostgreSQL: {@code Load.joined} (one statement, LEFT OUTER JOIN, roots
 * de-duplicated), {@code Load.selectIn} (one more statement per relationship, {@code = ANY($1)},
 * chunked), chains of both, statement counts asserted with the recorder, and the loaded objects
 * being the session's identity-map instances.
 */
@ValenceTest(entities = {Parent.class, Child.class, Node.class})
class EagerLoadingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Three parents "{tag}-p0..2" with four children each, "{tag}-p{i}-c0..3". */
    private static void threeFamilies(SessionFactory factory, String tag) {
        factory.inTransaction(session -> {
                    for (int p = 0; p < 3; p++) {
                        Parent parent = new Parent(tag + "-p" + p);
                        session.add(parent);
                        for (int c = 0; c < 4; c++) {
                            session.add(new Child(tag + "-p" + p + "-c" + c, parent));
                        }
                    }
                    return Mono.empty();
                })
                .block(TIMEOUT);
    }

    private static Select<Parent> parentsOf(String tag) {
        return Select.from(Parent.class).where(Condition.like("value", tag + "-p%")).orderBy("id");
    }

    private static Select<Child> childrenOf(String tag) {
        return Select.from(Child.class).where(Condition.like("value", tag + "-p%")).orderBy("id");
    }

    private static <T> T within(ReactiveSession session, Mono<T> work) {
        try {
            return work.block(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    private static void assertFamilies(List<Parent> parents, String tag) {
        assertThat(parents).extracting(parent -> parent.value).containsExactly(tag + "-p0", tag + "-p1", tag + "-p2");
        for (Parent parent : parents) {
            assertThat(parent.children)
                    .extracting(child -> child.value)
                    .containsExactlyInAnyOrder(parent.value + "-c0", parent.value + "-c1", parent.value + "-c2", parent.value + "-c3");
            assertThat(parent.children).allSatisfy(child -> assertThat(child.parent).isSameAs(parent));
        }
    }

    @Test
    void joinedManyToOneIsOneStatementAndTwelveChildrenShareThreeParentInstances(
            SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "j1");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Child> children = within(session, session.scalars(childrenOf("j1").options(Load.joined("parent"))).collectList());
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("LEFT OUTER JOIN \"parent\"");
        assertThat(children).hasSize(12);
        Set<Parent> distinct = children.stream().map(child -> child.parent)
                .collect(Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())));
        assertThat(distinct).hasSize(3);
        for (Child child : children) {
            assertThat(child.value).startsWith(child.parent.value + "-c");
        }
    }

    @Test
    void childrenLoadedAfterTheirParentsGetTheIdenticalParentInstances(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "same");
        ReactiveSession session = factory.openSession();
        List<Parent> parents = session.scalars(parentsOf("same")).collectList().block(TIMEOUT);
        Map<Long, Parent> byId = new java.util.HashMap<>();
        parents.forEach(parent -> byId.put(parent.id, parent));
        recorder.reset();
        List<Child> children = within(session, session.scalars(childrenOf("same").options(Load.joined("parent"))).collectList());
        recorder.assertThat().hasStatementCount(1);
        assertThat(children).hasSize(12).allSatisfy(child -> assertThat(child.parent).isSameAs(byId.get(child.parent.id)));
    }

    @Test
    void childrenWithoutLoadOptionAreWiredToParentsAlreadyInTheSessionWithoutIo(
            SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "wired");
        ReactiveSession session = factory.openSession();
        List<Parent> parents = session.scalars(parentsOf("wired")).collectList().block(TIMEOUT);
        recorder.reset();
        List<Child> children = within(session, Mono.defer(() -> session.scalars(childrenOf("wired")).collectList()
                .map(loaded -> {
                    assertThat(loaded).allSatisfy(child -> assertThat(session.isLoaded(child, "parent")).isTrue());
                    return loaded;
                })));
        recorder.assertThat().hasStatementCount(1);
        assertThat(recorder.statements().get(0).sql()).doesNotContain("JOIN");
        assertThat(children).hasSize(12).allSatisfy(child -> assertThat(parents).containsOnlyOnce(child.parent));
    }

    @Test
    void selectInCollectionIsTwoStatementsAndFillsEveryParent(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "s1");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Parent> parents = within(session, session.scalars(parentsOf("s1").options(Load.selectIn("children"))).collectList());
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().element(1).sqlContains("= ANY($1");
        assertFamilies(parents, "s1");
    }

    @Test
    void selectInSortsChildrenWhoseRowsAlternateBetweenParentsToTheRightParent(SessionFactory factory) {
        // children added round-robin, so their rows come back alternating between parents, not grouped
        factory.inTransaction(session -> {
                    List<Parent> parents = List.of(new Parent("mix-p0"), new Parent("mix-p1"), new Parent("mix-p2"));
                    parents.forEach(session::add);
                    for (int c = 0; c < 4; c++) {
                        for (Parent parent : parents) {
                            session.add(new Child(parent.value + "-c" + c, parent));
                        }
                    }
                    return Mono.empty();
                })
                .block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        List<Parent> parents = within(session, session.scalars(parentsOf("mix").options(Load.selectIn("children"))).collectList());
        assertFamilies(parents, "mix");
    }

    @Test
    void selectInManyToOneIsTwoStatementsAndSharesParentInstances(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "s2o");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Child> children = within(session, session.scalars(childrenOf("s2o").options(Load.selectIn("parent"))).collectList());
        recorder.assertThat().hasStatementCount(2);
        Set<Parent> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        children.forEach(child -> distinct.add(child.parent));
        assertThat(children).hasSize(12);
        assertThat(distinct).hasSize(3).allSatisfy(parent -> assertThat(parent.value).startsWith("s2o-p"));
    }

    @Test
    void selectInChildrenThenJoinedParentIsTwoStatements(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "chain1");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Parent> parents = within(session, session.scalars(parentsOf("chain1")
                        .options(Load.selectIn("children").joined("parent")))
                .collectList());
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().element(1).sqlContains("= ANY($1").sqlContains("LEFT OUTER JOIN \"parent\"");
        assertFamilies(parents, "chain1");
    }

    @Test
    void joinedParentThenSelectInChildrenIsTwoStatementsAndLoadsTheSiblings(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "chain2");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        Select<Child> firstChildren = Select.from(Child.class).where(Condition.like("value", "chain2-p%-c0")).orderBy("id");
        List<Child> children = within(session, session.scalars(firstChildren
                        .options(Load.joined("parent").selectIn("children")))
                .collectList());
        recorder.assertThat().hasStatementCount(2);
        assertThat(children).hasSize(3);
        List<Parent> parents = children.stream().map(child -> child.parent).toList();
        assertFamilies(parents, "chain2");
        for (Child child : children) {
            assertThat(child.parent.children).containsOnlyOnce(child);
        }
    }

    @Test
    void aDeeperChainTakesOneStatementPerSelectInStep(SessionFactory factory, StatementRecorder recorder) {
        Long rootId = factory.inTransaction(session -> {
                    Node root = new Node("deep-root", null);
                    session.add(root);
                    for (int i = 0; i < 2; i++) {
                        Node child = new Node("deep-child" + i, root);
                        session.add(child);
                        for (int j = 0; j < 3; j++) {
                            session.add(new Node("deep-grandchild" + i + j, child));
                        }
                    }
                    return session.flush().then(Mono.fromSupplier(() -> root.id));
                })
                .block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        recorder.reset();
        Node root = within(session, session.one(Select.from(Node.class)
                .filterBy("id", rootId)
                .options(Load.selectIn("children").selectIn("children").joined("parent"))));
        recorder.assertThat().hasStatementCount(3);
        assertThat(root.children).extracting(node -> node.name).containsExactlyInAnyOrder("deep-child0", "deep-child1");
        for (Node child : root.children) {
            assertThat(child.parent).isSameAs(root);
            assertThat(child.children).hasSize(3).allSatisfy(grandchild -> {
                assertThat(grandchild.name).startsWith("deep-grandchild");
                assertThat(grandchild.parent).isSameAs(child);
                assertThatThrownBy(() -> grandchild.children.size()).isInstanceOf(RelationshipNotLoadedException.class);
            });
        }
    }

    @Test
    void aDeeperMixedChainOverParentsAndChildrenIsTwoStatements(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "chain3");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        Select<Child> query = Select.from(Child.class).where(Condition.like("value", "chain3-p%-c0"))
                .options(Load.joined("parent").selectIn("children").joined("parent"));
        List<Child> children = within(session, session.scalars(query).collectList());
        recorder.assertThat().hasStatementCount(2);
        assertFamilies(children.stream().map(child -> child.parent).sorted(java.util.Comparator.comparing(p -> p.value)).toList(), "chain3");
    }

    @Test
    void aJoinedCollectionLoadReturnsEachParentOnceWithAllItsChildren(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "jc");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Parent> parents = within(session, session.scalars(parentsOf("jc").options(Load.joined("children"))).collectList());
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("LEFT OUTER JOIN \"child\"");
        assertThat(parents).hasSize(3);
        assertFamilies(parents, "jc");
    }

    @Test
    void oneOfAParentWithAJoinedCollectionIsOneResultNotOnePerChild(SessionFactory factory) {
        threeFamilies(factory, "one-jc");
        for (Select<Parent> query : List.of(
                Select.from(Parent.class).filterBy("value", "one-jc-p1").options(Load.joined("children")),
                Select.from(Parent.class).filterBy("value", "one-jc-p1").options(Load.selectIn("children")))) {
            ReactiveSession session = factory.openSession();
            Parent parent = within(session, session.one(query));
            assertThat(parent.children).hasSize(4);
        }
    }

    @Test
    void aJoinedCollectionWithLimitAndOffsetCountsParentsNotRows(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "jcl");
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Parent> parents = within(session, session.scalars(Select.from(Parent.class)
                        .where(Condition.like("value", "jcl-p%"))
                        .orderBy(Order.desc("value"))
                        .limit(2)
                        .offset(0)
                        .options(Load.joined("children")))
                .collectList());
        recorder.assertThat().hasStatementCount(1);
        assertThat(parents).extracting(parent -> parent.value).containsExactly("jcl-p2", "jcl-p1");
        assertThat(parents).allSatisfy(parent -> assertThat(parent.children).hasSize(4));
        ReactiveSession second = factory.openSession();
        List<Parent> page2 = within(second, second.scalars(Select.from(Parent.class)
                        .where(Condition.like("value", "jcl-p%"))
                        .orderBy("value")
                        .limit(1)
                        .offset(1)
                        .options(Load.joined("children").joined("parent")))
                .collectList());
        assertThat(page2).singleElement().satisfies(parent -> {
            assertThat(parent.value).isEqualTo("jcl-p1");
            assertThat(parent.children).hasSize(4).allSatisfy(child -> assertThat(child.parent).isSameAs(parent));
        });
    }

    @Test
    void filteringOnChildrenDoesNotCutTheLoadedCollectionShort(SessionFactory factory, StatementRecorder recorder) {
        threeFamilies(factory, "filt");
        Select<Parent> withC2 = Select.from(Parent.class)
                .join("children")
                .where(Condition.like("children.value", "filt-p%-c2"))
                .orderBy("id");
        for (Select<Parent> query : List.of(withC2.options(Load.joined("children")), withC2.options(Load.selectIn("children")))) {
            ReactiveSession session = factory.openSession();
            recorder.reset();
            List<Parent> parents = within(session, session.scalars(query).collectList());
            recorder.assertThat().hasAtMostStatementCount(2);
            assertFamilies(parents, "filt");
        }
    }

    @Test
    void parentsWithoutChildrenGetAnEmptyLoadedCollection(SessionFactory factory) {
        factory.inTransaction(session -> {
                    session.add(new Parent("empty-a"));
                    session.add(new Parent("empty-b"));
                    return Mono.empty();
                })
                .block(TIMEOUT);
        Select<Parent> query = Select.from(Parent.class).where(Condition.like("value", "empty-%"));
        List<Select<Parent>> variants = List.of(query.options(Load.selectIn("children")), query.options(Load.joined("children")));
        for (Select<Parent> variant : variants) {
            ReactiveSession session = factory.openSession();
            List<Parent> parents = within(session, Mono.defer(() -> session.scalars(variant).collectList().map(found -> {
                assertThat(found).allSatisfy(parent -> assertThat(session.isLoaded(parent, "children")).isTrue());
                return found;
            })));
            assertThat(parents).hasSize(2).allSatisfy(parent -> assertThat(parent.children).isEmpty());
        }
    }

    @Test
    void aJoinedManyToOneThatIsNullIsLoadedAsNull(SessionFactory factory) {
        factory.inTransaction(session -> {
                    session.add(new Child("orphan-joined", null));
                    return Mono.empty();
                })
                .block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        Child orphan = within(session, session.one(Select.from(Child.class)
                        .filterBy("value", "orphan-joined")
                        .options(Load.joined("parent")))
                .map(child -> {
                    assertThat(session.isLoaded(child, "parent")).isTrue();
                    return child;
                }));
        assertThat(orphan.parent).isNull();
    }

    @Test
    void selectInChunksAHugeKeySetIntoSeveralStatements(SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        int parents = 10_050;
        Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("INSERT INTO parent (value) SELECT 'huge-' || n"
                                        + " FROM generate_series(1, " + parents + ") AS n")
                                .execute())
                                .flatMap(result -> result.getRowsUpdated()),
                        connection -> connection.close())
                .blockLast(TIMEOUT);
        ReactiveSession session = factory.openSession();
        recorder.reset();
        List<Parent> loaded = within(session, session.scalars(Select.from(Parent.class)
                        .where(Condition.like("value", "huge-%"))
                        .options(Load.selectIn("children")))
                .collectList());
        recorder.assertThat().hasStatementCount(3);
        recorder.assertThat().element(1).sqlContains("= ANY($1");
        recorder.assertThat().element(2).sqlContains("= ANY($1");
        assertThat(loaded).hasSize(parents).allSatisfy(parent -> assertThat(parent.children).isEmpty());
    }
}
