package io.valence.orm.reactive.internal.session;

import io.valence.orm.MultipleResultsException;
import io.valence.orm.NoResultException;
import io.valence.orm.internal.load.ProjectionRows;
import io.valence.orm.internal.query.Keyset;
import io.valence.orm.internal.query.RenderedNative;
import io.valence.orm.internal.query.RenderedProjection;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The queries of a session: {@code scalars}, {@code one}, {@code oneOrNone}, {@code page}, {@code count}
 * and {@code fetch}, each autoflushing first and loading rows through the identity map, and projections
 * ({@code rows}), whose rows are plain values streamed like {@code scalars}, and native SQL
 * ({@code rows}), read by column labels. Queries are rendered at the call, so a bad property or a
 * missing parameter fails there.
 */
final class SessionQueries {
    /** Rows per round trip of a projection read in portions, as {@link ResultLoader} reads entities. */
    private static final int SLICE_SIZE = 5_000;

    private final SessionServices services;
    private final OperationRunner runner;
    private final ResultLoader loader;
    private final SessionObjects objects;

    SessionQueries(SessionServices services, OperationRunner runner, ResultLoader loader, SessionObjects objects) {
        this.services = services;
        this.runner = runner;
        this.loader = loader;
        this.objects = objects;
    }

    <T> Flux<T> scalars(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        return services.observations().query("scalars", select.entityType(),
                runner.flux("scalars()", operation -> rows(operation, select, query)));
    }

    <T> Mono<T> one(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        String found = select.entityType().getSimpleName();
        return services.observations().query("one", select.entityType(),
                runner.mono("one()", operation -> exactlyOne(rows(operation, select, query), found, select)));
    }

    <T> Mono<T> oneOrNone(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        String found = select.entityType().getSimpleName();
        return services.observations().query("oneOrNone", select.entityType(),
                runner.mono("oneOrNone()", operation -> atMostOne(rows(operation, select, query), found, select)));
    }

    <R> Flux<R> rows(Projection<R> projection) {
        RenderedProjection query = services.selects().project(projection);
        return runner.flux("rows()", operation -> projected(operation, query));
    }

    @SuppressWarnings("unchecked") // rows become the query's result type, checked when the labels are known
    <R> Flux<R> rows(NativeQuery<R> query) {
        RenderedNative prepared = services.natives().render(query);
        return runner.flux("rows()", operation ->
                operation.afterFlushMany(() -> loader.loadNative(operation.channel(), prepared).map(row -> (R) row)));
    }

    <R> Mono<R> one(Projection<R> projection) {
        RenderedProjection query = services.selects().project(projection);
        String found = projection.resultType().getSimpleName();
        return runner.mono("one()", operation -> exactlyOne(projected(operation, query), found, projection));
    }

    <R> Mono<R> oneOrNone(Projection<R> projection) {
        RenderedProjection query = services.selects().project(projection);
        String found = projection.resultType().getSimpleName();
        return runner.mono("oneOrNone()", operation -> atMostOne(projected(operation, query), found, projection));
    }

    <T> Mono<Page<T>> page(Select<T> select, int size, PageKey after) {
        Keyset keyset = Keyset.of(services.metamodel(), select);
        Select<T> pageQuery = keyset.pageQuery(select, size, after);
        RenderedSelect query = services.selects().render(pageQuery);
        return services.observations().query("page", select.entityType(), runner.mono("page()", operation ->
                rows(operation, pageQuery, query).collectList().map(rows -> keyset.page(rows, size))));
    }

    Mono<Long> count(Select<?> select) {
        var statement = services.selects().count(select);
        return services.observations().query("count", select.entityType(), runner.mono("count()", operation -> operation.afterFlush(
                () -> operation.channel().list(statement, row -> row.get(0, Long.class)).map(rows -> rows.get(0)))));
    }

    /** Loads a relationship of one persistent object that was not loaded (or reloads it), with one statement. */
    <T> Mono<T> fetch(T entity, String relationship) {
        EntityState state = objects.persistentState(entity, "its relationships cannot be fetched; get(…) it first");
        SelectIn selectIn = services.selectInFor(state.mapping(), relationship);
        return services.observations().query("fetch", state.mapping().type(), runner.mono("fetch()", operation -> operation.afterFlush(() -> {
            state.loaded(selectIn.relationship(), false);
            return loader.loadRelationship(operation.channel(), selectIn, List.of(entity), false).thenReturn(entity);
        })));
    }

    private <T> Flux<T> rows(OperationRunner.Operation operation, Select<T> select, RenderedSelect query) {
        return operation.afterFlushMany(() -> loader.load(operation.channel(), query, select.isPopulateExisting()))
                .map(select.entityType()::cast);
    }

    /** A projection's rows, streamed as demanded (no identity map: each row is a new value). */
    @SuppressWarnings("unchecked") // the assembler makes an R, checked against the projection before any SQL
    private static <R> Flux<R> projected(OperationRunner.Operation operation, RenderedProjection query) {
        return operation.afterFlushMany(() -> operation.channel()
                .stream(query.statement(), SLICE_SIZE, row -> (R) ProjectionRows.read(row, query)));
    }

    private static <T> Mono<T> exactlyOne(Flux<T> rows, String found, Object query) {
        return atMostOne(rows, found, query).switchIfEmpty(Mono.error(() -> new NoResultException("one() found no "
                + found + " for " + query + "; use oneOrNone() when no row is a valid outcome")));
    }

    private static <T> Mono<T> atMostOne(Flux<T> rows, String found, Object query) {
        return rows.take(2).collectList().flatMap(results -> {
            if (results.size() > 1) {
                return Mono.error(new MultipleResultsException("Expected at most one " + found + " for " + query
                        + ", but the query found several; narrow the conditions, or use scalars() to read them all"));
            }
            return Mono.justOrEmpty(results.isEmpty() ? null : results.get(0));
        });
    }
}
