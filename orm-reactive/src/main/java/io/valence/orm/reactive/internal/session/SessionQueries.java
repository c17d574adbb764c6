package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.R2dbcException;
import io.valence.orm.MultipleResultsException;
import io.valence.orm.NoResultException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.internal.connection.SessionConnection;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The query half of a session: {@code scalars}, {@code one}, {@code oneOrNone}, {@code count} and
 * {@code fetch}, each autoflushing first and loading rows through the identity map. The lifecycle
 * half (flush, commit, rollback, close) is {@link DefaultReactiveSession}.
 */
abstract class SessionQueries {
    final SessionServices services;
    final UnitOfWork unitOfWork;
    final SessionConnection connection;
    final OperationGuard guard;
    final ResultLoader loader;
    /** Relationships a delete could not cascade along because they were not loaded; loaded at the next flush. */
    final List<UnitOfWork.Unloaded> pendingCascades = new ArrayList<>();

    SessionQueries(SessionServices services, UnitOfWork unitOfWork, SessionConnection connection, OperationGuard guard) {
        this.services = services;
        this.unitOfWork = unitOfWork;
        this.connection = connection;
        this.guard = guard;
        this.loader = new ResultLoader(services.runner(), unitOfWork);
    }

    /** Sends pending changes; see {@link DefaultReactiveSession}. */
    abstract Mono<Void> flushNow();

    /**
     * What {@code next} builds, after pending changes were sent (autoflush). Called when the
     * operation runs, inside its guard; see {@link DefaultReactiveSession}.
     */
    abstract <T> Mono<T> afterFlush(Supplier<Mono<T>> next);

    /** Fails when the session is closed or waits for {@code rollback()}. */
    abstract void checkUsable();

    /**
     * Marks the transaction as needing rollback after a database error (PostgreSQL aborts a
     * transaction on any error) and re-emits the error; see {@link DefaultReactiveSession}.
     */
    abstract <T> Mono<T> failTransaction(String operation, Throwable error);

    /** Whether a failure came from the database (so PostgreSQL aborted the transaction). */
    static boolean isDatabaseError(Throwable error) {
        return error instanceof R2dbcException || error.getCause() instanceof R2dbcException;
    }

    public <T> Flux<T> scalars(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        return guard.flux("scalars()", () -> run(select, query));
    }

    public <T> Mono<T> one(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        return guard.mono("one()", claim -> atMostOne(select, query)
                .switchIfEmpty(Mono.error(() -> new NoResultException("one() found no " + select.entityType().getSimpleName()
                        + " for " + select + "; use oneOrNone() when no row is a valid outcome"))));
    }

    public <T> Mono<T> oneOrNone(Select<T> select) {
        RenderedSelect query = services.selects().render(select);
        return guard.mono("oneOrNone()", claim -> atMostOne(select, query));
    }

    public Mono<Long> count(Select<?> select) {
        var statement = services.selects().count(select);
        return guard.mono("count()", claim -> {
            checkUsable();
            return afterFlush(connection::connection)
                    .flatMap(open -> services.runner().list(open, statement, row -> row.get(0, Long.class)))
                    .onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("count()", error))
                    .map(rows -> rows.get(0));
        });
    }

    /**
     * Loads a relationship of one object that was not loaded (or reloads it), with one statement.
     *
     * @param entity a persistent object of this session
     * @param relationship the relationship's name
     * @param <T> the entity type
     * @return a Mono of the same object, its relationship loaded
     */
    public <T> Mono<T> fetch(T entity, String relationship) {
        EntityState state = persistentState(entity, "its relationships cannot be fetched; get(…) it first");
        SelectIn selectIn = selectInFor(state.mapping(), relationship);
        return guard.mono("fetch()", claim -> {
            checkUsable();
            return afterFlush(connection::connection)
                    .flatMap(open -> {
                        state.loaded(selectIn.relationship(), false);
                        return loader.loadRelationship(open, selectIn, List.of(entity), false);
                    })
                    .thenReturn(entity);
        });
    }

    /** Loads the relationships pending delete cascades need, following the cascade as they arrive. */
    Mono<Void> loadPendingCascades() {
        return Mono.defer(() -> {
            if (pendingCascades.isEmpty()) {
                return Mono.empty();
            }
            UnitOfWork.Unloaded next = pendingCascades.remove(0);
            SelectIn selectIn = selectInFor(next.state().mapping(), next.relationship().name());
            return connection.connection()
                    .flatMap(open -> loader.loadRelationship(open, selectIn, List.of(next.state().entity()), false))
                    .then(Mono.fromRunnable(() -> pendingCascades.addAll(unitOfWork.cascadeDelete(next))))
                    .then(loadPendingCascades());
        });
    }

    /**
     * The state of an object that must be persistent in this session, checked at the call.
     *
     * @param consequence what cannot be done otherwise and how to fix it, ending the message
     */
    EntityState persistentState(Object entity, String consequence) {
        EntityState state = unitOfWork.state(entity);
        if (state == null || state.status() != Status.PERSISTENT) {
            EntityMapping mapping = services.metamodel().entity(entity.getClass());
            throw new IllegalArgumentException(mapping.name() + " " + (state == null ? "(not in this session)" : state.describe())
                    + " is not persistent in this session, so " + consequence);
        }
        return state;
    }

    /** A relationship by name, or an argument error listing the entity's relationships. */
    static RelationshipMapping relationshipOf(EntityMapping mapping, String relationship) {
        RelationshipMapping mapped = mapping.relationship(relationship);
        if (mapped == null) {
            throw new IllegalArgumentException(mapping.name() + " has no relationship \"" + relationship
                    + "\"; its relationships are " + mapping.relationships().stream().map(RelationshipMapping::name).toList());
        }
        return mapped;
    }

    /** The select-in query that loads one relationship, rendered like {@code Load.selectIn(relationship)}. */
    private SelectIn selectInFor(EntityMapping mapping, String relationship) {
        relationshipOf(mapping, relationship);
        Select<?> probe = Select.from(mapping.type()).options(Load.selectIn(relationship));
        return services.selects().render(probe).selectIns().get(0);
    }

    private <T> Flux<T> run(Select<T> select, RenderedSelect query) {
        return Flux.defer(() -> {
            checkUsable();
            return afterFlush(connection::connection)
                    .flatMapMany(open -> loader.load(open, query, select.isPopulateExisting()))
                    .onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("scalars()", error))
                    .map(select.entityType()::cast);
        });
    }

    private <T> Mono<T> atMostOne(Select<T> select, RenderedSelect query) {
        return run(select, query).take(2).collectList().flatMap(found -> {
            if (found.size() > 1) {
                return Mono.error(new MultipleResultsException("Expected at most one "
                        + select.entityType().getSimpleName() + " for " + select + ", but the query found several;"
                        + " narrow the conditions, or use scalars() to read them all"));
            }
            return Mono.justOrEmpty(found.isEmpty() ? null : found.get(0));
        });
    }
}
