package io.valence.orm.reactive.internal.session;

import io.valence.orm.MultipleResultsException;
import io.valence.orm.NoResultException;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The queries of a session: {@code scalars}, {@code one}, {@code oneOrNone}, {@code count} and
 * {@code fetch}, each autoflushing first and loading rows through the identity map. Queries are
 * rendered at the call, so a bad property fails there.
 */
final class SessionQueries {
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
        return services.observations().query("one", select.entityType(), runner.mono("one()", operation -> atMostOne(operation, select, query)
                .switchIfEmpty(Mono.error(() -> new NoResultException("one() found no " + select.entityType().getSimpleName()
                        + " for " + select + "; use oneOrNone() when no row is a valid outcome")))));
    }

    <T> Mono<T> oneOrNone(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        return services.observations().query("oneOrNone", select.entityType(),
                runner.mono("oneOrNone()", operation -> atMostOne(operation, select, query)));
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

    private <T> Mono<T> atMostOne(OperationRunner.Operation operation, Select<T> select, RenderedSelect query) {
        return rows(operation, select, query).take(2).collectList().flatMap(found -> {
            if (found.size() > 1) {
                return Mono.error(new MultipleResultsException("Expected at most one "
                        + select.entityType().getSimpleName() + " for " + select + ", but the query found several;"
                        + " narrow the conditions, or use scalars() to read them all"));
            }
            return Mono.justOrEmpty(found.isEmpty() ? null : found.get(0));
        });
    }
}
