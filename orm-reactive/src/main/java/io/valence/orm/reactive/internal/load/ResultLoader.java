package io.valence.orm.reactive.internal.load;

import io.valence.orm.internal.load.DistinctRoots;
import io.valence.orm.internal.load.LoadedResult;
import io.valence.orm.internal.load.NativeRows;
import io.valence.orm.internal.load.RowLoader;
import io.valence.orm.internal.load.SelectInWiring;
import io.valence.orm.internal.query.RenderedNative;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a rendered query and streams its rows into core's loading ({@link RowLoader}), which turns
 * them into the session's objects and wires them; select-in follow-up queries ({@code = ANY($1)})
 * run after the result they start from, chained as deep as the options go. A query without
 * follow-ups or joined collections streams row by row; the others read the whole main result first,
 * since a follow-up cannot run on the connection while the main result is still streaming.
 */
public final class ResultLoader {
    /** Rows per round trip of a stream read in portions: most results in one, a large one in bounded slices. */
    private static final int SLICE_SIZE = 5_000;

    private final RowLoader rows;

    /**
     * @param unitOfWork the session's objects
     */
    public ResultLoader(UnitOfWork unitOfWork) {
        this.rows = new RowLoader(unitOfWork);
    }

    /**
     * Loads a query's root objects.
     *
     * @param channel the session's transaction channel
     * @param query the rendered query
     * @param overwrite whether rows overwrite loaded objects (populate-existing)
     * @return the distinct root objects in row order
     */
    public Flux<Object> load(TransactionChannel channel, RenderedSelect query, boolean overwrite) {
        if (RowLoader.streams(query)) {
            Flux<Object> roots = channel.stream(query.statement(), SLICE_SIZE, row -> rows.root(row, query, overwrite));
            return query.repeatsRoots() ? roots.filter(new DistinctRoots()) : roots;
        }
        return loadAll(channel, query, query.statement(), overwrite, null)
                .flatMapIterable(roots -> roots)
                .map(EntityState::entity);
    }

    /**
     * Reads a native query's rows, by their column labels: entities through the identity map (a
     * row of an object already in the session returns that object), projections as new values.
     *
     * @param channel the session's transaction channel
     * @param query the prepared query
     * @return a Flux of the rows' results, streamed as demanded
     */
    public Flux<Object> loadNative(TransactionChannel channel, RenderedNative query) {
        return channel.stream(query.statement(), SLICE_SIZE, NativeRows.reader(query, rows));
    }

    /**
     * Loads one relationship of the given owners with one follow-up query per chunk of keys.
     *
     * @param channel the session's transaction channel
     * @param selectIn the follow-up query
     * @param owners the objects whose relationship is loaded
     * @param overwrite whether rows overwrite loaded objects
     * @return a Mono that completes when the relationship is wired on every owner
     */
    public Mono<Void> loadRelationship(TransactionChannel channel, SelectIn selectIn, Collection<Object> owners, boolean overwrite) {
        return loadRelationshipOf(channel, selectIn, rows.statesOf(owners), overwrite);
    }

    /** Loads one relationship of the owners; the loader's own paths hold the states already. */
    private Mono<Void> loadRelationshipOf(
            TransactionChannel channel, SelectIn selectIn, List<EntityState> owners, boolean overwrite) {
        SelectInWiring wiring = new SelectInWiring(selectIn, owners);
        return Flux.fromIterable(wiring.statements())
                .concatMap(statement -> loadAll(channel, selectIn.query(), statement, overwrite, wiring), 1)
                .then(Mono.fromRunnable(wiring::wire));
    }

    /**
     * Reads a whole result, then runs its follow-up queries.
     *
     * @param grouping the select-in whose targets the result's roots are, or {@code null}
     * @return the distinct roots, in row order
     */
    private Mono<List<EntityState>> loadAll(
            TransactionChannel channel, RenderedSelect query, SqlStatement statement, boolean overwrite,
            SelectInWiring grouping) {
        LoadedResult result = rows.result(query, overwrite, grouping);
        return channel.rows(statement, result::read)
                .then(Mono.fromSupplier(result::finish))
                .flatMap(roots -> Flux.fromIterable(query.selectIns())
                        .concatMap(selectIn -> loadRelationshipOf(channel, selectIn, result.ownersOf(selectIn), overwrite), 1)
                        .then(Mono.just(roots)));
    }
}
