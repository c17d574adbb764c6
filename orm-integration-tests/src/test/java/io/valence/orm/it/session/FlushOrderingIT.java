package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.OrmException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Node;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.it.session.model.Player;
import io.valence.orm.it.session.model.Team;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Statements go out in an order the foreign keys and unique keys accept, whatever order the work was done in. */
@ValenceTest(entities = {Parent.class, Child.class, Node.class, Storage.class, Team.class, Player.class})
class FlushOrderingIT {

    @Test
    void childrenAddedBeforeTheirParentsAreInsertedAfterThem(SessionFactory factory, StatementRecorder recorder) {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(new Child("early-" + i, new Parent("late-" + i)));
        }
        recorder.reset();

        Committed.rows(factory, children);

        recorder.assertThat().hasKinds(StatementKind.INSERT, StatementKind.INSERT);
        recorder.assertThat().inserts().element(0).sqlContains("INSERT INTO \"parent\"");
        assertThat(children).allSatisfy(child -> assertThat(child.parent.id).isNotNull());
    }

    @Test
    void childrenAreDeletedBeforeTheirParentWhateverTheOrderOfDelete(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = new Parent("delete-order");
        parent.children.addAll(List.of(new Child("a", parent), new Child("b", parent)));
        Committed.rows(factory, List.of(parent));

        factory.inTransaction(session -> session.one(Select.from(Parent.class).filterBy("id", parent.id)
                        .options(Load.selectIn("children")))
                .doOnNext(loaded -> {
                    session.delete(loaded);
                    loaded.children.forEach(session::delete);
                    recorder.reset();
                })).block(TIMEOUT);

        recorder.assertThat().hasKinds(StatementKind.DELETE, StatementKind.DELETE);
        recorder.assertThat().deletes().element(0).sqlContains("DELETE FROM \"child\"");
        recorder.assertThat().deletes().element(1).sqlContains("DELETE FROM \"parent\"");
    }

    /** Three levels, several nodes on each: one INSERT per level. */
    private static List<Node> tree(String prefix) {
        Node root = new Node(prefix + "root", null);
        List<Node> nodes = new ArrayList<>(List.of(root));
        for (int i = 0; i < 3; i++) {
            Node middle = new Node(prefix + "middle-" + i, root);
            nodes.add(middle);
            for (int j = 0; j < 2; j++) {
                nodes.add(new Node(prefix + "leaf-" + i + "-" + j, middle));
            }
        }
        java.util.Collections.reverse(nodes); // leaves first: the order of add must not matter
        return nodes;
    }

    @Test
    void aSelfReferencingTreeIsInsertedInOneStatementPerLevel(SessionFactory factory, StatementRecorder recorder) {
        List<Node> nodes = tree("insert-");
        recorder.reset();

        Committed.rows(factory, nodes);

        recorder.assertThat().hasStatementCount(3).inserts().hasStatementCount(3);
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.id).isNotNull();
            if (node.parent != null) {
                assertThat(node.parent.id).isLessThan(node.id);
            }
        });
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Node.class)
                                .where(Condition.like("name", "insert-leaf-%")))
                        .collectList()
                        .flatMapMany(leaves -> reactor.core.publisher.Flux.fromIterable(leaves)
                                .concatMap(leaf -> session.fetch(leaf, "parent")))
                        .map(leaf -> leaf.parent.name.startsWith("insert-middle-"))
                        .all(Boolean::booleanValue)))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aSelfReferencingTreeIsDeletedLeavesFirstInOneStatementPerLevel(SessionFactory factory, StatementRecorder recorder) {
        List<Node> nodes = Committed.rows(factory, tree("delete-"));

        Mono<Long> left = factory.inTransaction(session -> session.scalars(Select.from(Node.class)
                        .where(Condition.like("name", "delete-%")).orderBy("id"))
                .collectList()
                .doOnNext(loaded -> {
                    loaded.forEach(session::delete);
                    recorder.reset();
                })
                .then(session.flush())
                .then(session.count(Select.from(Node.class).where(Condition.like("name", "delete-%")))));

        StepVerifier.create(left).expectNext(0L).expectComplete().verify(TIMEOUT);
        recorder.assertThat().deletes().hasStatementCount(3);
        assertThat(nodes).hasSize(10);
    }

    @Test
    void aUniqueKeyDeletedAndInsertedInOneFlushWorksWhileAnotherRowIsUpdated(SessionFactory factory) {
        Committed.rows(factory, List.of(new Storage("swap-key", "old"), new Storage("swap-bystander", "v")));

        Mono<Void> swap = factory.inTransaction(session -> session.scalars(Select.from(Storage.class)
                        .where(Condition.like("key", "swap-%")).orderBy("key"))
                .collectList()
                .flatMap(rows -> {
                    rows.get(0).value = "changed"; // swap-bystander
                    session.delete(rows.get(1)); // swap-key
                    session.add(new Storage("swap-key", "new"));
                    return session.flush();
                }));

        StepVerifier.create(swap).expectComplete().verify(TIMEOUT);
        assertThat(values(factory, "swap-%")).containsExactly("swap-bystander=changed", "swap-key=new");
    }

    @Test
    void aKeyRenamedAwayIsFreeForANewRowInTheSameFlush(SessionFactory factory, StatementRecorder recorder) {
        Long id = Committed.row(factory, new Storage("rename-current", "v1"), s -> s.id);
        recorder.reset();

        Mono<Void> rename = factory.inTransaction(session -> session.get(Storage.class, id).flatMap(old -> {
            old.key = "rename-archived";
            session.add(new Storage("rename-current", "v2"));
            return session.flush();
        }));

        StepVerifier.create(rename).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.SELECT, StatementKind.UPDATE, StatementKind.INSERT);
        assertThat(values(factory, "rename-%")).containsExactly("rename-archived=v1", "rename-current=v2");
    }

    private static List<String> values(SessionFactory factory, String keyPattern) {
        return factory.withSession(session -> session.scalars(Select.from(Storage.class)
                        .where(Condition.like("key", keyPattern)).orderBy("key"))
                .map(storage -> storage.key + "=" + storage.value)
                .collectList()).block(TIMEOUT);
    }

    @Test
    void mutuallyReferencingTablesAreInsertedRowByRow(SessionFactory factory, StatementRecorder recorder) {
        Team founders = new Team("founders");
        Player player = new Player("captain", founders);
        Team captained = new Team("captained");
        captained.captain = player;
        recorder.reset();

        Committed.rows(factory, List.of(captained));

        recorder.assertThat().hasStatementCount(3);
        assertThat(captained.captain.id).isNotNull();
        assertThat(player.team.id).isEqualTo(founders.id);
    }

    @Test
    void rowsReferringToEachOtherInACycleAreAClearErrorNamingTheCycle(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        Team team = new Team("cyclic");
        Player captain = new Player("cyclic-captain", team);
        team.captain = captain;
        session.add(team);
        recorder.reset();

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessageContaining("refer to each other in a cycle")
                        .hasMessageContaining("Team (pending, no id).captain -> Player (pending, no id).team")
                        .hasMessageContaining("Break the cycle: leave one reference null, flush, then set it and flush again"))
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();

        team.captain = null;
        Mono<Void> broken = session.flush().then(Mono.fromRunnable(() -> team.captain = captain)).then(session.commit());
        StepVerifier.create(broken.then(session.close())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.withSession(other -> other.get(Team.class, team.id)
                        .flatMap(loaded -> other.fetch(loaded, "captain"))
                        .map(loaded -> loaded.captain.name)))
                .expectNext("cyclic-captain")
                .expectComplete()
                .verify(TIMEOUT);
    }
}
