package io.valence.examples.quickstart;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.RelationshipNotLoadedException;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * The seeds' behaviours, one step at a time, on an embedded PostgreSQL: each step prints the
 * statements it sent and what came of them. Blocking is fine here: this is a program's main
 * thread, not library code.
 */
public final class Quickstart {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SessionFactory factory;
    private final Narrator narrator;

    private Quickstart(SessionFactory factory, Narrator narrator) {
        this.factory = factory;
        this.narrator = narrator;
    }

    /**
     * Runs the walk-through.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        IsolatedDatabase database = TestDatabase.shared().createDatabase("quickstart").block(TIMEOUT);
        StatementRecorder recorder = StatementRecorder.create();
        ConnectionPool pool = database.openPool(4, Duration.ofSeconds(10), recorder::wrap);
        try {
            SessionFactory factory = SessionFactory.builder(pool).entities(Parent.class, Child.class, Storage.class, Job.class).build();
            new Quickstart(factory, new Narrator(System.out, recorder)).run();
        } finally {
            pool.disposeLater().block(TIMEOUT);
            database.drop().block(TIMEOUT);
        }
        System.out.println();
        System.out.println("Done. The embedded PostgreSQL stops as the JVM exits.");
    }

    private void run() {
        schema();
        unitOfWorkOrdering();
        identityMap();
        dirtyTracking();
        flushVersusCommit();
        upsertRefreshesLoadedInstance();
        getOrCreate();
        eagerLoading();
        uniqueKeySwapInOneFlush();
        concurrentUseOfOneSession();
        fanOut();
        projections();
        workQueue();
    }

    /** Two columns of a child and the value of its parent, for a list screen. */
    record ChildLine(Long id, String parentValue) {}

    /** Children per parent, for a dashboard. */
    record ParentSize(String parent, Long count) {}

    private void projections() {
        narrator.step("Projections and aggregates: values, not entities",
                "Chosen columns (through the many-to-one too) into a record, and a count per group; no identity map.");
        List<ChildLine> lines = factory.withSession(session -> session.rows(Select.from(Child.class)
                        .orderBy("id").limit(3)
                        .project(ChildLine.class, "id", "parent.value"))
                .collectList()).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("first lines: " + lines);
        List<ParentSize> sizes = factory.withSession(session -> session.rows(Select.from(Child.class)
                        .project(ParentSize.class, Expression.property("parent.value").as("parent"), Expression.count())
                        .groupBy("parent.value")
                        .orderBy(Order.desc(Expression.count()), Order.asc("parent.value")))
                .collectList()).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("children per parent: " + sizes);
    }

    private void workQueue() {
        narrator.step("A work queue: two workers claim jobs with FOR UPDATE SKIP LOCKED",
                "Each worker claims 3 pending jobs no one else holds, marks them done and commits, until none is left.");
        factory.inTransaction(session -> {
            for (int i = 0; i < 10; i++) {
                session.add(new Job());
            }
            return Mono.empty();
        }).block(TIMEOUT);
        String outcome = factory.fanOut(session -> work(session, "w1"), session -> work(session, "w2"))
                .map(counts -> "w1 processed " + counts.getT1() + ", w2 processed " + counts.getT2() + ", together "
                        + (counts.getT1() + counts.getT2()) + " of 10")
                .block(TIMEOUT);
        narrator.outcome(outcome + "; SQL of a claim: " + narrator.firstSql("SKIP LOCKED"));
        long undone = factory.withSession(session -> session.count(Select.from(Job.class).filterBy("done", false)))
                .block(TIMEOUT);
        narrator.outcome(undone + " jobs left pending, each done once");
    }

    /** One worker: claim, process, commit, until a claim finds nothing. */
    private static Mono<Integer> work(ReactiveSession session, String worker) {
        Select<Job> claim = Select.from(Job.class).filterBy("done", false).orderBy("id").limit(3).forUpdate().skipLocked();
        return Mono.defer(() -> session.scalars(claim).collectList().flatMap(jobs -> {
                    jobs.forEach(job -> {
                        job.done = true;
                        job.worker = worker;
                    });
                    return session.commit().thenReturn(jobs.size()); // the UPDATE, then COMMIT releases the locks
                }))
                .repeat()
                .takeUntil(claimed -> claimed == 0)
                .reduce(0, Integer::sum);
    }

    private void schema() {
        narrator.step("Schema", "DDL from the annotations: every foreign key gets an index (as Django does), the PK needs none.");
        factory.schema().ddl().forEach(narrator::ddl);
        factory.schema().create().block(TIMEOUT);
    }

    private void unitOfWorkOrdering() {
        narrator.step("Unit of work: children added before their parents",
                "add(child) comes first, yet the flush inserts parents first, all rows of a table in one statement.");
        List<Parent> parents = factory.inTransaction(session -> {
            List<Parent> created = List.of(new Parent("p1"), new Parent("p2"), new Parent("p3"));
            for (Parent parent : created) {
                for (int i = 1; i <= 4; i++) {
                    Child child = new Child(parent.value + "-c" + i, parent);
                    parent.children.add(child);
                    session.add(child); // the child first: its new parent is added by cascade
                }
            }
            return Mono.just(created);
        }).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("parents " + parents.stream().map(p -> "#" + p.id).toList() + ", 12 children pointing at them;"
                + " ids came back to the right objects");
    }

    private void identityMap() {
        narrator.step("Identity map: one row is one object",
                "Two queries for the same row return the same instance; get() of a known id costs no statement.");
        String outcome = factory.withSession(session -> session.one(Select.from(Parent.class).filterBy("value", "p1"))
                .flatMap(first -> session.one(Select.from(Parent.class).filterBy("value", "p1"))
                        .flatMap(second -> {
                            second.value = "p1 (changed in memory)";
                            return session.get(Parent.class, first.id).map(third -> "first == second: " + (first == second)
                                    + ", first.value = '" + first.value + "', get(id) == first: " + (third == first));
                        }))).block(TIMEOUT);
        narrator.statements();
        narrator.outcome(outcome);
    }

    private void dirtyTracking() {
        narrator.step("Dirty tracking: change a field, commit, no save()",
                "The UPDATE sets only the column that changed.");
        Long id = factory.inTransaction(session -> {
            Storage storage = new Storage("one", "old-value");
            session.add(storage);
            return session.flush().then(Mono.fromSupplier(() -> storage.id));
        }).block(TIMEOUT);
        narrator.statements();
        factory.inTransaction(session -> session.get(Storage.class, id).doOnNext(storage -> storage.value = "changed"))
                .block(TIMEOUT);
        String stored = factory.withSession(s -> s.get(Storage.class, id)).map(s -> s.value).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("Storage#" + id + ".value is now '" + stored + "' (read back by a new session)");
    }

    private void flushVersusCommit() {
        narrator.step("flush() sends, commit() makes it visible",
                "After flush() another session (another connection) still sees nothing; after commit() it does.");
        ReactiveSession writer = factory.openSession();
        writer.add(new Storage("draft", "v"));
        writer.flush().block(TIMEOUT);
        long beforeCommit = countDrafts();
        writer.commit().then(writer.close()).block(TIMEOUT);
        long afterCommit = countDrafts();
        narrator.statements();
        narrator.outcome("other session saw " + beforeCommit + " row(s) after flush(), " + afterCommit + " after commit()");
    }

    private long countDrafts() {
        return factory.withSession(session -> session.count(Select.from(Storage.class).filterBy("key", "draft")))
                .block(TIMEOUT);
    }

    private void upsertRefreshesLoadedInstance() {
        narrator.step("Upsert with RETURNING refreshes the instance already loaded",
                "SQLAlchemy keeps the stale 'changed' here unless you ask for populate_existing; Valence never does.");
        String outcome = factory.inTransaction(session -> session.one(Select.from(Storage.class).filterBy("key", "one"))
                .flatMap(loaded -> session.execute(Insert.into(Storage.class)
                                .values(Map.of("key", "one", "value", "new-value"))
                                .onConflict("key").doUpdate("value")
                                .returning())
                        .single()
                        .map(upserted -> "loaded.value = '" + loaded.value + "', same instance: " + (upserted == loaded))))
                .block(TIMEOUT);
        narrator.statements();
        narrator.outcome(outcome);
    }

    private void getOrCreate() {
        narrator.step("get-or-create, race-safe",
                "INSERT … ON CONFLICT DO NOTHING RETURNING decides a race; the loser reads the winner's row.");
        GetOrCreate<Storage> first = factory.inTransaction(session ->
                session.getOrCreate(Storage.class, Map.of("key", "settings"), Map.of("value", "defaults"))).block(TIMEOUT);
        GetOrCreate<Storage> second = factory.inTransaction(session ->
                session.getOrCreate(Storage.class, Map.of("key", "settings"), Map.of("value", "ignored"))).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("first call created: " + first.created() + ", second created: " + second.created()
                + ", same row: " + first.entity().id.equals(second.entity().id) + " (value '" + second.entity().value + "')");
    }

    private void eagerLoading() {
        narrator.step("Eager loading: joined, select-in, chained — never implicit",
                "joined = one query with LEFT OUTER JOIN; selectIn = a second query with = ANY($1); they chain.");
        String joined = factory.withSession(session -> session.scalars(Select.from(Child.class).options(Load.joined("parent")))
                .collectList()
                .map(children -> children.size() + " children, " + distinctParents(children) + " distinct parent objects"))
                .block(TIMEOUT);
        narrator.statements();
        narrator.outcome("Load.joined(\"parent\"): " + joined);

        String chained = factory.withSession(session -> session.scalars(Select.from(Parent.class)
                        .options(Load.selectIn("children").joined("parent")))
                .collectList()
                .map(parents -> parents.size() + " parents; every child.parent is its parent object: " + parents.stream()
                        .allMatch(parent -> parent.children.stream().allMatch(child -> child.parent == parent))))
                .block(TIMEOUT);
        narrator.statements();
        narrator.outcome("Load.selectIn(\"children\").joined(\"parent\"): " + chained);

        String unloaded = factory.withSession(session -> session.one(Select.from(Parent.class).filterBy("value", "p2"))
                .map(parent -> {
                    try {
                        return "size " + parent.children.size();
                    } catch (RelationshipNotLoadedException e) {
                        return e.getMessage();
                    }
                })).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("touching parent.children without loading it: " + unloaded);
    }

    private static long distinctParents(List<Child> children) {
        Set<Parent> parents = children.stream().map(child -> child.parent)
                .collect(Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        return parents.size();
    }

    private void uniqueKeySwapInOneFlush() {
        narrator.step("Delete a unique key and insert it again, in one flush",
                "SQLAlchemy inserts before deleting and fails here without a manual flush(); Valence orders the DELETE first.");
        factory.inTransaction(session -> session.one(Select.from(Storage.class).filterBy("key", "settings"))
                .doOnNext(old -> {
                    session.delete(old);
                    session.add(new Storage("settings", "replaced"));
                })).block(TIMEOUT);
        narrator.statements();
        narrator.outcome("committed without a unique violation");
    }

    private void concurrentUseOfOneSession() {
        narrator.step("One session, two operations at once: a clear error at once",
                "A get subscribed while the session's query stream is still open, like awaiting another query inside"
                        + " `async for` over session.stream(); Mono.zip of two operations on one session (asyncio.gather)"
                        + " is the same mistake when they overlap.");
        String outcome = factory.withSession(session -> session.scalars(Select.from(Parent.class).limit(1))
                        .flatMap(first -> session.get(Parent.class, 2L))
                        .then(Mono.just("no error?"))
                        .onErrorResume(ConcurrentSessionUseException.class, e -> Mono.just(e.getMessage())))
                .block(TIMEOUT);
        narrator.statements();
        narrator.outcome(outcome);
    }

    private void fanOut() {
        narrator.step("fanOut: one session (and connection) per concurrent task",
                "Like asyncio.TaskGroup: branches run concurrently, each commits on success, a failure cancels the rest.");
        String outcome = factory.fanOut(
                        session -> session.get(Parent.class, 1L).map(parent -> parent.value),
                        session -> session.count(Select.from(Child.class)))
                .map(both -> "branch 1: parent '" + both.getT1() + "', branch 2: " + both.getT2() + " children")
                .block(TIMEOUT);
        narrator.statements();
        narrator.outcome(outcome);
    }
}
