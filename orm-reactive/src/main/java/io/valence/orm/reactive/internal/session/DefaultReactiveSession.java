package io.valence.orm.reactive.internal.session;

import io.valence.orm.OrmException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.SessionClosedException;
import io.valence.orm.StaleObjectException;
import io.valence.orm.internal.flush.FlushPlan;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.ChangeSet;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.internal.connection.SessionConnection;
import io.valence.orm.reactive.internal.execution.RowReader;
import java.util.Collection;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The session: bookkeeping goes to the {@link UnitOfWork}, I/O to the {@link SessionConnection}, and
 * every operation through the {@link OperationGuard}. Queries, loading and DML live in
 * {@link SessionQueries}; this class holds the lifecycle: flush, commit, rollback, close and the
 * failure states that make the session ask for {@code rollback()}.
 */
final class DefaultReactiveSession extends SessionWrites implements ReactiveSession {
    private volatile boolean closed;
    private volatile OrmException failure;

    DefaultReactiveSession(SessionServices services) {
        this(services, new UnitOfWork(services.metamodel()),
                new SessionConnection(services.connectionFactory(), services.acquireTimeout()));
    }

    private DefaultReactiveSession(SessionServices services, UnitOfWork unitOfWork, SessionConnection connection) {
        super(services, unitOfWork, connection, new OperationGuard(connection::isProvisioning));
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        EntityMapping mapping = services.metamodel().entity(type);
        Object key = IdArguments.coerce(mapping, id);
        return guard.mono("get()", claim -> {
            checkUsable();
            Object found = unitOfWork.find(mapping, key);
            EntityState state = found == null ? null : unitOfWork.state(found);
            if (state != null && !state.isExpired()) {
                return state.status() == Status.DELETED ? Mono.empty() : Mono.just(type.cast(found));
            }
            claim.activity("flush() started by get()");
            return afterFlush(() -> {
                claim.activity("get()");
                return loadById(mapping, key, false);
            }).map(type::cast);
        });
    }

    @Override
    public void add(Object entity) {
        checkBookkeeping("add()");
        unitOfWork.add(entity);
    }

    @Override
    public void addAll(Collection<?> entities) {
        checkBookkeeping("addAll()");
        entities.forEach(unitOfWork::add);
    }

    @Override
    public void delete(Object entity) {
        checkBookkeeping("delete()");
        pendingCascades.addAll(unitOfWork.delete(entity));
    }

    @Override
    public Mono<Void> flush() {
        return guard.mono("flush()", claim -> {
            checkUsable();
            return flushNow();
        });
    }

    @Override
    public Mono<Void> commit() {
        return guard.mono("commit()", claim -> {
            checkUsable();
            claim.activity("flush() started by commit()");
            return afterFlush(() -> {
                claim.activity("commit()");
                return connection.commit()
                        .onErrorResume(error -> failTransaction("COMMIT", error))
                        .doOnCancel(() -> markInDoubt("commit()"))
                        .doOnSuccess(done -> unitOfWork.committed());
            });
        });
    }

    @Override
    public Mono<Void> rollback() {
        return guard.mono("rollback()", claim -> {
            if (closed) {
                return Mono.empty();
            }
            return connection.rollback().doOnSuccess(done -> {
                unitOfWork.rolledBack();
                pendingCascades.clear();
                openSavepoints = 0;
                failure = null;
            });
        });
    }

    @Override
    public Mono<Void> close() {
        return guard.mono("close()", claim -> {
            if (closed) {
                return Mono.empty();
            }
            if (!connection.isLeased()) {
                closeNow(); // committed or rolled back already, or never used: nothing to end or give back
                return Mono.empty();
            }
            // runs to the end even if this close() is cancelled, which still marks the session closed
            return connection.close().doFinally(signal -> closeNow());
        });
    }

    private void closeNow() {
        unitOfWork.clear();
        pendingCascades.clear();
        closed = true;
    }

    @Override
    public <T> Mono<T> refresh(T entity) {
        EntityState state = persistentState(entity, "it cannot be refreshed; use session.get(…) to load it");
        return guard.mono("refresh()", claim -> {
            checkUsable();
            EntityMapping mapping = state.mapping();
            return loadById(mapping, state.id(), true)
                    .switchIfEmpty(Mono.error(() -> new StaleObjectException(state.describe() + " cannot be refreshed:"
                            + " its row no longer exists (another transaction deleted it). Expunge it from the session",
                            mapping.name(), state.id())))
                    .thenReturn(entity);
        });
    }

    @Override
    public <T> void expire(T entity) {
        checkBookkeeping("expire()");
        unitOfWork.expire(entity);
    }

    @Override
    public <T> void expunge(T entity) {
        checkBookkeeping("expunge()");
        unitOfWork.expunge(entity);
    }

    @Override
    public <T> Mono<T> merge(T detached) {
        EntityMapping mapping = services.metamodel().entity(detached.getClass());
        if (unitOfWork.contains(detached)) {
            return Mono.just(detached);
        }
        Object id = mapping.idOf(detached);
        return guard.mono("merge()", claim -> {
            checkUsable();
            if (id == null) {
                return Mono.just(copyAsNew(mapping, detached));
            }
            Object found = unitOfWork.find(mapping, id);
            Mono<Object> target = found != null ? Mono.just(found) : afterFlush(() -> loadById(mapping, id, false));
            return target.map(persistent -> {
                        copyState(mapping, detached, persistent);
                        return persistent;
                    })
                    .switchIfEmpty(Mono.fromSupplier(() -> copyAsNew(mapping, detached)));
        }).map(merged -> {
            @SuppressWarnings("unchecked")
            T typed = (T) merged;
            return typed;
        });
    }

    /**
     * Adds a copy as a new object. A generated id is not copied: the row it named is gone, and the
     * INSERT draws a new one; an assigned id is kept, so the row comes back under it.
     */
    private Object copyAsNew(EntityMapping mapping, Object detached) {
        Object copy = mapping.instantiate();
        if (!mapping.idGeneration().isGenerated()) {
            mapping.id().accessor().set(copy, mapping.idOf(detached));
        }
        copyState(mapping, detached, copy);
        unitOfWork.add(copy);
        return copy;
    }

    /** Copies column values and to-one references (to the session's objects for the same rows). */
    private void copyState(EntityMapping mapping, Object from, Object to) {
        for (ColumnMapping column : mapping.columns()) {
            if (column.role() == ColumnMapping.Role.ID) {
                continue;
            }
            Object value = column.accessor().get(from);
            if (column.isForeignKey() && value != null) {
                EntityMapping target = services.metamodel().entity(value.getClass());
                Object inSession = unitOfWork.find(target, target.idOf(value));
                value = inSession != null ? inSession : value;
            }
            column.accessor().set(to, value);
            if (column.isForeignKey() && unitOfWork.state(to) != null) {
                unitOfWork.state(to).loaded(mapping.relationshipOf(column), true);
            }
        }
    }

    @Override
    public boolean contains(Object entity) {
        return unitOfWork.contains(entity);
    }

    @Override
    public boolean isLoaded(Object entity, String relationship) {
        EntityState state = unitOfWork.state(entity);
        RelationshipMapping mapped = relationshipOf(services.metamodel().entity(entity.getClass()), relationship);
        return state == null || state.isLoaded(mapped);
    }

    /** Sends pending changes; a failure rolls the transaction back and leaves the session asking for rollback(). */
    @Override
    Mono<Void> flushNow() {
        return Mono.defer(() -> {
            Mono<Void> cascades = pendingCascades.isEmpty() ? Mono.empty() : loadPendingCascades();
            return cascades.then(Mono.defer(() -> send(new ChangeCollector(unitOfWork).collect())));
        });
    }

    /**
     * Decides at the call whether anything is pending. Usually nothing is, and then {@code next}
     * is the whole operation: no operators wait on an empty flush, which a point read would
     * otherwise pay for twice (its query and its commit).
     */
    @Override
    <T> Mono<T> afterFlush(Supplier<Mono<T>> next) {
        if (pendingCascades.isEmpty()) {
            ChangeSet changes = new ChangeCollector(unitOfWork).collect();
            return changes.isEmpty() ? next.get() : send(changes).then(Mono.defer(next));
        }
        return flushNow().then(Mono.defer(next));
    }

    private Mono<Void> send(ChangeSet changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        FlushPlan plan = services.planner().plan(changes);
        changes.inserts().forEach(unitOfWork::beforeInsert);
        return connection.connection()
                .flatMap(open -> services.flushExecutor().execute(plan, unitOfWork, open))
                .onErrorResume(error -> failTransaction("flush()", error))
                .doOnCancel(() -> markInDoubt("flush()"));
    }

    /**
     * A database error aborted the transaction: it is rolled back at once and the connection
     * returned, and the session asks for {@code rollback()}. Inside a savepoint only the mark is set:
     * {@code nested()} rolls back to its savepoint, which recovers the transaction.
     */
    @Override
    <T> Mono<T> failTransaction(String operation, Throwable error) {
        if (openSavepoints > 0) {
            failure = new PendingRollbackException(operation + " failed inside nested(): " + error.getMessage()
                    + ". The nested work is rolled back to its savepoint when it ends", error);
            return Mono.error(error);
        }
        failure = new PendingRollbackException("This session's transaction was rolled back because " + operation
                + " failed: " + error.getMessage() + ". Call rollback() before using the session again; it discards"
                + " what the transaction wrote and what the session added in it", error);
        return connection.rollback().then(Mono.error(error));
    }

    @Override
    void clearFailure() {
        failure = null;
    }

    @Override
    void markInDoubt(String operation) {
        failure = new PendingRollbackException(operation + " was cancelled part-way, so this session's transaction is"
                + " in doubt (some statements may have run). Call rollback() before using the session again", null);
    }

    @Override
    void checkUsable() {
        if (closed) {
            throw new SessionClosedException("This session is closed; open a new one with SessionFactory.openSession()"
                    + " (or use withSession/inTransaction)");
        }
        OrmException current = failure;
        if (current != null) {
            throw new PendingRollbackException(current.getMessage(), current.getCause());
        }
    }

    private void checkBookkeeping(String operation) {
        guard.checkIdle(operation);
        checkUsable();
    }

    /** Loads one row by id through the identity map; an expired object whose row is gone leaves the session. */
    private Mono<Object> loadById(EntityMapping mapping, Object id, boolean overwrite) {
        return connection.connection()
                .flatMap(open -> services.runner().list(open, services.selects().byId(mapping, id),
                        row -> RowReader.read(row, mapping, 0)))
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        Object vanished = unitOfWork.find(mapping, id);
                        if (vanished != null && !overwrite) {
                            unitOfWork.expunge(vanished);
                        }
                        return Mono.empty();
                    }
                    return Mono.just(unitOfWork.load(mapping, rows.get(0), overwrite));
                });
    }
}
