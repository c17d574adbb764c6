package io.valence.orm.reactive.internal.session;

import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Dml;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session: a thin front over parts composed once per session. Bookkeeping goes to the
 * {@link UnitOfWork}, statements to the {@link TransactionChannel}, and every operation, with or
 * without I/O, through the {@link OperationRunner}, which owns the guard, the usable check, the
 * autoflush and what a failure means for the {@link TransactionState}. The parts: queries,
 * objects by identity, DML, savepoints, get-or-create; the lifecycle (flush, commit, rollback,
 * close) is here.
 */
final class DefaultReactiveSession implements ReactiveSession {
    private final SessionServices services;
    private final UnitOfWork unitOfWork;
    private final TransactionChannel channel;
    private final TransactionState state;
    private final SessionFlush flush;
    private final OperationRunner runner;
    private final SessionObjects objects;
    private final SessionQueries queries;
    private final SessionDml dml;
    private final Savepoints savepoints;
    private final GetOrCreateRunner lookups;

    DefaultReactiveSession(SessionServices services) {
        this.services = services;
        this.unitOfWork = new UnitOfWork(services.metamodel());
        this.channel = services.openChannel();
        this.state = new TransactionState(channel::isLeased);
        ResultLoader loader = new ResultLoader(unitOfWork);
        this.flush = new SessionFlush(services, unitOfWork, channel, loader);
        this.runner = new OperationRunner(
                new OperationGuard(channel::isProvisioning, state::inDoubt), state, channel, flush, unitOfWork.events()::running);
        this.objects = new SessionObjects(services, unitOfWork, runner);
        this.queries = new SessionQueries(services, runner, loader, objects);
        this.dml = new SessionDml(services, unitOfWork, runner);
        this.savepoints = new Savepoints(unitOfWork, runner, state, flush);
        this.lookups = new GetOrCreateRunner(services, unitOfWork, runner, loader, savepoints);
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        return objects.get(type, id);
    }

    @Override
    public <T> Flux<T> scalars(Select<T> select) {
        return queries.scalars(select);
    }

    @Override
    public <T> Mono<T> one(Select<T> select) {
        return queries.one(select);
    }

    @Override
    public <T> Mono<T> oneOrNone(Select<T> select) {
        return queries.oneOrNone(select);
    }

    @Override
    public <R> Flux<R> rows(Projection<R> projection) {
        return queries.rows(projection);
    }

    @Override
    public <R> Flux<R> rows(NativeQuery<R> query) {
        return queries.rows(query);
    }

    @Override
    public <R> Mono<R> one(Projection<R> projection) {
        return queries.one(projection);
    }

    @Override
    public <R> Mono<R> oneOrNone(Projection<R> projection) {
        return queries.oneOrNone(projection);
    }

    @Override
    public <T> Mono<Page<T>> page(Select<T> select, int size) {
        return queries.page(select, size, null);
    }

    @Override
    public <T> Mono<Page<T>> page(Select<T> select, int size, PageKey after) {
        Objects.requireNonNull(after, "after must not be null; call page(select, size) for the first page");
        return queries.page(select, size, after);
    }

    @Override
    public Mono<Long> count(Select<?> select) {
        return queries.count(select);
    }

    @Override
    public <T> Flux<T> execute(Dml<T> statement) {
        return dml.execute(statement);
    }

    @Override
    public <T> Mono<T> nested(Function<ReactiveSession, Mono<T>> work) {
        return savepoints.nested(this, work);
    }

    @Override
    public <T> Mono<GetOrCreate<T>> getOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        return lookups.getOrCreate(type, lookup, defaults);
    }

    @Override
    public <T> Mono<GetOrCreate<T>> updateOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> values) {
        return lookups.updateOrCreate(type, lookup, values);
    }

    @Override
    public void add(Object entity) {
        runner.bookkeeping("add()", () -> unitOfWork.add(entity));
    }

    @Override
    public void addAll(Collection<?> entities) {
        runner.bookkeeping("addAll()", () -> entities.forEach(unitOfWork::add));
    }

    @Override
    public void delete(Object entity) {
        runner.bookkeeping("delete()", () -> flush.cascadeLater(unitOfWork.delete(entity)));
    }

    @Override
    public <T> void expire(T entity) {
        runner.bookkeeping("expire()", () -> unitOfWork.expire(entity));
    }

    @Override
    public <T> void expunge(T entity) {
        runner.bookkeeping("expunge()", () -> unitOfWork.expunge(entity));
    }

    @Override
    public Mono<Void> flush() {
        return runner.mono("flush()", OperationRunner.Operation::flushNow);
    }

    @Override
    public Mono<Void> commit() {
        return services.observations().commit(runner.mono("commit()", operation -> operation.afterFlush(() -> {
            operation.activity("commit()");
            return operation.write("commit()", channel.commit()
                    .onErrorResume(error -> error instanceof TransactionOutcomeUnknownException unknown
                            ? runner.outcomeUnknown(unknown) : runner.fail("COMMIT", error))
                    .doOnSuccess(done -> unitOfWork.committed()));
        })));
    }

    @Override
    public Mono<Void> rollback() {
        return runner.control("rollback()", operation -> {
            if (state.isClosed()) {
                return Mono.empty();
            }
            if (channel.isJoined()) {
                return Mono.error(TransactionState.joinedRollbackRefused());
            }
            return channel.rollback().doOnSuccess(done -> {
                unitOfWork.rolledBack();
                flush.discard();
                state.rolledBack();
            });
        });
    }

    @Override
    public Mono<Void> close() {
        return runner.control("close()", operation -> {
            if (state.isClosed()) {
                return Mono.empty();
            }
            if (!channel.isLeased()) {
                closeNow(); // committed or rolled back already, or never used: nothing to end or give back
                return Mono.empty();
            }
            // runs to the end even if this close() is cancelled, which still marks the session closed; marked
            // before the completion travels on (doFinally ran after it, so a caller could still see the objects)
            return channel.close().doOnTerminate(this::closeNow).doOnCancel(this::closeNow);
        });
    }

    private void closeNow() {
        unitOfWork.clear();
        flush.discard();
        state.close();
    }

    @Override
    public <T> Mono<T> refresh(T entity) {
        return objects.refresh(entity);
    }

    @Override
    public <T> Mono<T> merge(T detached) {
        return objects.merge(detached);
    }

    @Override
    public <T> Mono<T> fetch(T entity, String relationship) {
        return queries.fetch(entity, relationship);
    }

    @Override
    public boolean contains(Object entity) {
        return unitOfWork.contains(entity);
    }

    @Override
    public boolean isLoaded(Object entity, String relationship) {
        EntityState state = unitOfWork.state(entity);
        RelationshipMapping mapped = SessionServices.relationshipOf(services.metamodel().entity(entity.getClass()), relationship);
        return state == null || state.isLoaded(mapped);
    }
}
