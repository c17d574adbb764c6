package io.valence.orm.benchmarks.raw;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import io.valence.orm.benchmarks.Contender;
import io.valence.orm.benchmarks.GraphData;
import io.valence.orm.benchmarks.InsertedIds;
import io.valence.orm.benchmarks.LoadedGraph;
import io.valence.orm.benchmarks.StreamProbe;
import io.valence.orm.benchmarks.ReportingContender;
import io.valence.orm.benchmarks.RichContender;
import io.valence.orm.benchmarks.RichGraphData;
import io.valence.orm.benchmarks.StreamingContender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.LongStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Raw R2DBC: hand-written SQL on r2dbc-postgresql through r2dbc-pool. Rows of one table go out in
 * one statement ({@code unnest} of array parameters), children are loaded by one
 * {@code parent_id = ANY($1)} query, and every operation runs in an explicit transaction, as the
 * ORMs' sessions do. The rich model (W8, W9) is {@link RawRichGraphs}.
 */
public final class RawR2dbcContender implements Contender, StreamingContender, ReportingContender, RichContender {

    static final String INSERT_PARENTS = "INSERT INTO parent (value)"
            + " SELECT u.value FROM unnest($1::varchar[]) WITH ORDINALITY AS u(value, n) ORDER BY u.n RETURNING id";
    static final String INSERT_CHILDREN = "INSERT INTO child (parent_id, value)"
            + " SELECT u.parent_id, u.value FROM unnest($1::bigint[], $2::varchar[]) WITH ORDINALITY"
            + " AS u(parent_id, value, n) ORDER BY u.n RETURNING id";
    static final String SELECT_PARENTS = "SELECT id, value FROM parent";
    static final String SELECT_CHILDREN_OF = "SELECT id, parent_id, value FROM child WHERE parent_id = ANY($1)";
    static final String SELECT_PARENT = "SELECT id, value FROM parent WHERE id = $1";
    static final String UPDATE_VALUES = "UPDATE parent SET value = u.value"
            + " FROM unnest($1::bigint[], $2::varchar[]) AS u(id, value) WHERE parent.id = u.id";
    static final String SELECT_ALL_CHILDREN = "SELECT id, parent_id, value FROM child";
    static final int STREAM_FETCH_SIZE = 1_000;
    static final String CHILDREN_PER_PARENT = "SELECT parent_id, count(*), min(value) FROM child GROUP BY parent_id";
    static final String CHILD_LINES = "SELECT id, value FROM child";

    private final ConnectionPool pool;
    private final RawTransactions transactions;
    private final RawRichGraphs rich;

    /**
     * Works on {@code pool}, which it closes on {@link #close()}.
     *
     * @param pool an r2dbc-pool pool on the benchmark database
     */
    public RawR2dbcContender(ConnectionPool pool) {
        this.pool = pool;
        this.transactions = new RawTransactions(pool);
        this.rich = new RawRichGraphs(transactions);
    }

    /** A parent row as the raw code holds it. */
    record ParentRow(long id, String value, List<ChildRow> children) {}

    /** A child row as the raw code holds it. */
    record ChildRow(long id, long parentId, String value) {}

    /** One group of W6. */
    record ParentChildren(long parentId, long count, String minValue) {}

    /** One row of W7. */
    record ChildLine(long id, String value) {}

    @Override
    public InsertedIds insertGraph(GraphData graph) {
        String[] parentValues = graph.parentValues().toArray(String[]::new);
        return Objects.requireNonNull(transactions.inTransaction(connection -> ids(connection
                                .createStatement(INSERT_PARENTS)
                                .bind(0, parentValues))
                        .flatMap(parentIds -> insertChildren(connection, INSERT_CHILDREN, graph, parentIds)))
                .block());
    }

    /**
     * Inserts the children of {@code graph} with one statement ({@code $1} their parents' ids,
     * {@code $2} their values) once the parents have their ids; W1 and W8.
     */
    static Mono<InsertedIds> insertChildren(Connection connection, String sql, GraphData graph, long[] parentIds) {
        int children = graph.childCount();
        Long[] childParents = new Long[children];
        String[] childValues = new String[children];
        int next = 0;
        for (int parent = 0; parent < parentIds.length; parent++) {
            for (String value : graph.childValues().get(parent)) {
                childParents[next] = parentIds[parent];
                childValues[next++] = value;
            }
        }
        return ids(connection.createStatement(sql).bind(0, childParents).bind(1, childValues))
                .map(childIds -> new InsertedIds(parentIds, childIds));
    }

    /** The ids a statement returns, in order. */
    static Mono<long[]> ids(Statement statement) {
        return Flux.from(statement.execute())
                .flatMap(result -> result.map(row -> Objects.requireNonNull(row.get(0, Long.class), "id")))
                .collectList()
                .map(ids -> ids.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public LoadedGraph loadGraph() {
        List<ParentRow> parents = Objects.requireNonNull(transactions.inTransaction(this::loadParentsWithChildren).block());
        return new LoadedGraph(parents.size(), parents.stream().mapToInt(parent -> parent.children().size()).sum());
    }

    private Mono<List<ParentRow>> loadParentsWithChildren(Connection connection) {
        return loadWithChildren(connection, SELECT_PARENTS, RawR2dbcContender::parent, Function.identity(),
                SELECT_CHILDREN_OF);
    }

    /**
     * Loads the parents ({@code parentsSql}, each row turned into a {@code P} holding a
     * {@link ParentRow}), then their children with one {@code parent_id = ANY($1)} query
     * ({@code childrenSql}) into each parent's list; W2 and W9.
     */
    static <P> Mono<List<P>> loadWithChildren(
            Connection connection,
            String parentsSql,
            Function<Readable, P> parentOfRow,
            Function<P, ParentRow> plain,
            String childrenSql) {
        return Flux.from(connection.createStatement(parentsSql).execute())
                .flatMap(result -> result.map(parentOfRow))
                .collectList()
                .flatMap(parents -> {
                    Map<Long, ParentRow> byId = new HashMap<>(parents.size() * 2);
                    for (P parent : parents) {
                        ParentRow row = plain.apply(parent);
                        byId.put(row.id(), row);
                    }
                    Long[] ids = byId.keySet().toArray(Long[]::new);
                    return Flux.from(connection.createStatement(childrenSql).bind(0, ids).execute())
                            .flatMap(result -> result.map(RawR2dbcContender::child))
                            .doOnNext(child -> byId.get(child.parentId()).children().add(child))
                            .then(Mono.just(parents));
                });
    }

    private static ParentRow parent(Readable row) {
        return new ParentRow(
                Objects.requireNonNull(row.get(0, Long.class), "id"), row.get(1, String.class), new ArrayList<>());
    }

    private static ChildRow child(Readable row) {
        return new ChildRow(
                Objects.requireNonNull(row.get(0, Long.class), "id"),
                Objects.requireNonNull(row.get(1, Long.class), "parent_id"),
                row.get(2, String.class));
    }

    @Override
    public int pointReads(long[] ids, int inFlight) {
        return Objects.requireNonNull(Flux.fromStream(LongStream.of(ids).boxed())
                .flatMap(
                        id -> transactions.inTransaction(connection -> Flux.from(
                                        connection.createStatement(SELECT_PARENT).bind(0, id).execute())
                                .flatMap(result -> result.map(RawR2dbcContender::parent))
                                .singleOrEmpty()),
                        inFlight)
                .count()
                .block())
                .intValue();
    }

    @Override
    public int updateAll(String valuePrefix) {
        return Objects.requireNonNull(transactions.inTransaction(connection -> Flux.from(
                                connection.createStatement(SELECT_PARENTS).execute())
                        .flatMap(result -> result.map(RawR2dbcContender::parent))
                        .collectList()
                        .flatMap(parents -> {
                            Long[] ids = new Long[parents.size()];
                            String[] values = new String[parents.size()];
                            for (int i = 0; i < ids.length; i++) {
                                ids[i] = parents.get(i).id();
                                values[i] = valuePrefix + ids[i];
                            }
                            return Flux.from(connection.createStatement(UPDATE_VALUES)
                                            .bind(0, ids)
                                            .bind(1, values)
                                            .execute())
                                    .flatMap(io.r2dbc.spi.Result::getRowsUpdated)
                                    .reduce(0L, Long::sum);
                        }))
                .block())
                .intValue();
    }

    @Override
    public long streamChildren(StreamProbe probe) {
        return Objects.requireNonNull(transactions.inTransaction(connection -> {
                    Statement statement = connection.createStatement(SELECT_ALL_CHILDREN);
                    // Not chained: r2dbc-proxy hands back the unwrapped statement from fetchSize(),
                    // whose execution the statement recorder would then not see.
                    statement.fetchSize(STREAM_FETCH_SIZE);
                    return Flux.from(statement.execute())
                            .flatMap(result -> result.map(RawR2dbcContender::child))
                            .doOnNext(child -> probe.row(child.id()))
                            .count();
                })
                .block());
    }

    @Override
    public long childrenPerParent() {
        return Objects.requireNonNull(transactions.inTransaction(connection ->
                        Flux.from(connection.createStatement(CHILDREN_PER_PARENT).execute())
                                .flatMap(result -> result.map(row -> new ParentChildren(
                                        row.get(0, Long.class), row.get(1, Long.class), row.get(2, String.class))))
                                .reduce(0L, (sum, group) -> sum + group.count())))
                .block();
    }

    @Override
    public long childLines() {
        return Objects.requireNonNull(transactions.inTransaction(connection ->
                        Flux.from(connection.createStatement(CHILD_LINES).execute())
                                .flatMap(result -> result.map(row -> new ChildLine(row.get(0, Long.class), row.get(1, String.class))))
                                .count()))
                .block();
    }

    @Override
    public InsertedIds insertRichGraph(RichGraphData graph) {
        return rich.insert(graph);
    }

    @Override
    public LoadedGraph loadRichGraph() {
        return rich.load();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
