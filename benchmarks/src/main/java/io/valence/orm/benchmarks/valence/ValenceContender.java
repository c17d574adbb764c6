package io.valence.orm.benchmarks.valence;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.benchmarks.Contender;
import io.valence.orm.benchmarks.GraphData;
import io.valence.orm.benchmarks.InsertedIds;
import io.valence.orm.benchmarks.LoadedGraph;
import io.valence.orm.benchmarks.StreamProbe;
import io.valence.orm.benchmarks.ReportingContender;
import io.valence.orm.benchmarks.RichContender;
import io.valence.orm.benchmarks.RichGraphData;
import io.valence.orm.benchmarks.StreamingContender;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Valence through its public API only, as in its documentation. */
public final class ValenceContender implements Contender, StreamingContender, ReportingContender, RichContender {

    private final ConnectionPool pool;
    private final SessionFactory factory;

    /**
     * Builds a session factory on {@code pool}; {@link #close()} closes both.
     *
     * @param pool an r2dbc-pool pool on the benchmark database
     */
    public ValenceContender(ConnectionPool pool) {
        this.pool = pool;
        this.factory = SessionFactory.builder(pool)
                .entities(Parent.class, Child.class, RichParent.class, RichChild.class)
                .objectMapper(RichGraphData.objectMapper())
                .build();
    }

    @Override
    public InsertedIds insertGraph(GraphData graph) {
        List<Parent> parents = new ArrayList<>(graph.parentCount());
        for (int i = 0; i < graph.parentCount(); i++) {
            Parent parent = new Parent(graph.parentValues().get(i));
            for (String value : graph.childValues().get(i)) {
                parent.children.add(new Child(parent, value));
            }
            parents.add(parent);
        }
        commitAll(parents);
        return new InsertedIds(
                parents.stream().mapToLong(parent -> parent.id).toArray(),
                parents.stream().flatMap(parent -> parent.children.stream()).mapToLong(child -> child.id).toArray());
    }

    /** Adds the parents (their children by cascade) in one transaction and commits: one flush. */
    private void commitAll(List<?> parents) {
        factory.inTransaction(session -> {
                    session.addAll(parents);
                    return Mono.empty();
                })
                .block();
    }

    @Override
    public LoadedGraph loadGraph() {
        // a read, written as the README's read example: withSession ends the transaction with ROLLBACK,
        // so there is no flush (and no dirty check) to pay for, as with SQLAlchemy's `with Session()`
        List<Parent> parents = Objects.requireNonNull(factory.withSession(session -> session.scalars(
                                Select.from(Parent.class).options(Load.selectIn("children")))
                        .collectList())
                .block());
        return new LoadedGraph(parents.size(), parents.stream().mapToInt(parent -> parent.children.size()).sum());
    }

    @Override
    public InsertedIds insertRichGraph(RichGraphData rich) {
        GraphData graph = rich.graph();
        List<RichParent> parents = new ArrayList<>(graph.parentCount());
        for (int i = 0; i < graph.parentCount(); i++) {
            RichParent parent = new RichParent(
                    graph.parentValues().get(i),
                    new Address(rich.streets().get(i), rich.cities().get(i), rich.postalCodes().get(i)),
                    rich.attributes().get(i));
            for (String value : graph.childValues().get(i)) {
                parent.children.add(new RichChild(parent, value));
            }
            parents.add(parent);
        }
        commitAll(parents);
        return new InsertedIds(
                parents.stream().mapToLong(parent -> parent.id).toArray(),
                parents.stream().flatMap(parent -> parent.children.stream()).mapToLong(child -> child.id).toArray());
    }

    @Override
    public LoadedGraph loadRichGraph() {
        List<RichParent> parents = Objects.requireNonNull(factory.withSession(session -> session.scalars(
                                Select.from(RichParent.class).options(Load.selectIn("children")))
                        .collectList())
                .block());
        return new LoadedGraph(
                (int) parents.stream().filter(parent -> parent.address != null && parent.attributes != null).count(),
                parents.stream().mapToInt(parent -> parent.children.size()).sum());
    }

    @Override
    public int pointReads(long[] ids, int inFlight) {
        return Objects.requireNonNull(Flux.fromStream(LongStream.of(ids).boxed())
                        .flatMap(id -> factory.inTransaction(session -> session.get(Parent.class, id)), inFlight)
                        .count()
                        .block())
                .intValue();
    }

    @Override
    public int updateAll(String valuePrefix) {
        return Objects.requireNonNull(factory.inTransaction(session -> session.scalars(Select.from(Parent.class))
                                .doOnNext(parent -> parent.value = valuePrefix + parent.id)
                                .count())
                        .block())
                .intValue();
    }

    @Override
    public long streamChildren(StreamProbe probe) {
        // docs/queries.md: a long read-only stream expunges each row it is done with, so the session's
        // identity map does not keep every streamed object
        return Objects.requireNonNull(factory.withSession(session -> session.scalars(Select.from(Child.class))
                                .doOnNext(child -> {
                                    probe.row(child.id);
                                    session.expunge(child);
                                })
                                .count())
                        .block());
    }

    /** One group of W6. */
    record ParentChildren(Long parent, Long count, String minValue) {}

    /** One row of W7. */
    record ChildLine(Long id, String value) {}

    @Override
    public long childrenPerParent() {
        return Objects.requireNonNull(factory.withSession(session -> session.rows(Select.from(Child.class)
                                .project(ParentChildren.class, Expression.property("parent"), Expression.count(),
                                        Expression.min("value"))
                                .groupBy("parent"))
                        .reduce(0L, (sum, group) -> sum + group.count()))
                .block());
    }

    @Override
    public long childLines() {
        return Objects.requireNonNull(factory.withSession(session -> session.rows(Select.from(Child.class)
                                .project(ChildLine.class, "id", "value"))
                        .count())
                .block());
    }

    @Override
    public void close() {
        try {
            factory.close().block();
        } finally {
            pool.dispose();
        }
    }
}
