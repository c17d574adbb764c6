package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.Connection;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IndexMapping;
import io.valence.orm.internal.query.RenderedDml;
import io.valence.orm.internal.sql.LockSql;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Dml;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.internal.connection.SessionConnection;
import io.valence.orm.reactive.internal.execution.RowReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The writing operations beyond the unit of work: DML with RETURNING that keeps the session's
 * objects true, savepoints, and race-safe get-or-create. Lifecycle is {@link DefaultReactiveSession}.
 */
abstract class SessionWrites extends SessionQueries {
    private int savepoints;
    /** SAVEPOINTs taken and not yet released or rolled back to. */
    int openSavepoints;

    SessionWrites(SessionServices services, UnitOfWork unitOfWork, SessionConnection connection, OperationGuard guard) {
        super(services, unitOfWork, connection, guard);
    }

    public <T> Flux<T> execute(Dml<T> dml) {
        RenderedDml rendered = services.dml().render(dml);
        return guard.flux("execute()", () -> {
            checkUsable();
            return flushNow().then(connection.connection())
                    .flatMapMany(open -> runDml(open, rendered, dml))
                    .map(dml.entityType()::cast);
        });
    }

    private Flux<Object> runDml(Connection open, RenderedDml rendered, Dml<?> dml) {
        if (!rendered.returnsRows()) {
            return services.runner().update(open, rendered.statement()).thenMany(Flux.empty());
        }
        EntityMapping mapping = rendered.mapping();
        return services.runner().list(open, rendered.statement(), row -> RowReader.read(row, mapping, 0))
                .onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("execute()", error))
                .flatMapIterable(rows -> {
                    List<Object> objects = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        objects.add(synchronize(mapping, row, dml));
                    }
                    return dml.isReturning() ? objects : List.of();
                });
    }

    /** Rows of DML refresh the session's objects (deleted rows leave it), unless the DML opted out. */
    private Object synchronize(EntityMapping mapping, Object[] row, Dml<?> dml) {
        Object object = unitOfWork.load(mapping, row, dml.isSynchronizeSession());
        if (dml instanceof Delete<?> && dml.isSynchronizeSession()) {
            unitOfWork.expunge(object);
        }
        return object;
    }

    /**
     * Runs work inside a SAVEPOINT: released when the work succeeds (its changes flushed first),
     * rolled back to when it fails, which undoes only the work's part and leaves the transaction
     * and the session's other work intact.
     *
     * @param work the work, given this session
     * @param <T> the result type
     * @return a Mono of the work's result
     */
    public <T> Mono<T> nested(Function<ReactiveSession, Mono<T>> work) {
        ReactiveSession self = (ReactiveSession) this;
        return Mono.defer(() -> {
            String name = "valence_savepoint_" + (++savepoints);
            UnitOfWork.Savepoint[] mark = new UnitOfWork.Savepoint[1];
            Mono<Void> begin = guard.mono("nested()", claim -> {
                checkUsable();
                return flushNow().then(connection.connection())
                        .flatMap(open -> Mono.from(open.createSavepoint(name)))
                        .doOnSuccess(done -> {
                            mark[0] = unitOfWork.savepoint();
                            openSavepoints++;
                        });
            });
            Mono<Void> release = guard.mono("nested()", claim -> flushNow().then(connection.connection())
                    .flatMap(open -> Mono.from(open.releaseSavepoint(name)))
                    .doOnSuccess(done -> openSavepoints--));
            return begin.then(work.apply(self)
                    .map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(result -> release.then(Mono.justOrEmpty(result)))
                    .onErrorResume(error -> mark[0] == null ? Mono.error(error)
                            : rollbackTo(name, mark[0]).then(Mono.error(error))));
        });
    }

    private Mono<Void> rollbackTo(String name, UnitOfWork.Savepoint mark) {
        return guard.mono("nested()", claim -> connection.connection()
                .flatMap(open -> Mono.from(open.rollbackTransactionToSavepoint(name)))
                .doOnSuccess(done -> {
                    openSavepoints--;
                    unitOfWork.rolledBackTo(mark);
                    pendingCascades.clear();
                    clearFailure();
                }));
    }

    /** The failure a rollback to savepoint recovers from (a failed flush inside the nested work). */
    abstract void clearFailure();

    public <T> Mono<GetOrCreate<T>> getOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        EntityMapping mapping = services.metamodel().entity(type);
        Select<T> query = lookupQuery(type, mapping, lookup);
        Map<String, Object> values = new LinkedHashMap<>(lookup);
        values.putAll(defaults);
        return guard.mono("getOrCreate()", claim -> {
            checkUsable();
            return flushNow().then(connection.connection()).flatMap(open -> getOrInsert(open, mapping, query, lookup, values));
        });
    }

    public <T> Mono<GetOrCreate<T>> updateOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> values) {
        return getOrCreate(type, lookup, values).flatMap(result -> {
            if (result.created()) {
                return Mono.just(result);
            }
            EntityMapping mapping = services.metamodel().entity(type);
            values.forEach((property, value) -> mapping.column(property).accessor().set(result.entity(), value));
            return guard.mono("updateOrCreate()", claim -> flushNow()).thenReturn(result);
        });
    }

    /**
     * Selects the row; when there is none, inserts it race-safely. With a unique constraint covering
     * the lookup, {@code INSERT … ON CONFLICT DO NOTHING RETURNING} decides the race (it waits for a
     * concurrent inserter's commit, and the loser re-selects the winner's row). Without one, a
     * transaction-scoped advisory lock on the lookup serializes creators of the same lookup until
     * their transactions end.
     */
    private <T> Mono<GetOrCreate<T>> getOrInsert(
            Connection open, EntityMapping mapping, Select<T> query, Map<String, ?> lookup, Map<String, Object> values) {
        List<String> conflictTarget = coveringUniqueProperties(mapping, lookup.keySet());
        Mono<Void> lock = conflictTarget != null ? Mono.empty()
                : services.runner().list(open, LockSql.transactionLock(lockKey(mapping, lookup)), row -> row).then();
        Insert<T> insert = Insert.into(query.entityType()).values(values).returning();
        Insert<T> guarded = conflictTarget == null ? insert
                : insert.onConflict(conflictTarget.toArray(String[]::new)).doNothing();
        RenderedDml rendered = services.dml().render(guarded);
        return lock.then(selectOne(open, query))
                .map(found -> new GetOrCreate<>(found, false))
                .switchIfEmpty(Mono.defer(() -> services.runner()
                        .list(open, rendered.statement(), row -> RowReader.read(row, mapping, 0))
                        .flatMap(rows -> rows.isEmpty()
                                ? selectOne(open, query).map(found -> new GetOrCreate<>(found, false))
                                : Mono.just(new GetOrCreate<>(query.entityType().cast(unitOfWork.load(mapping, rows.get(0), false)), true)))))
                .onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("getOrCreate()", error));
    }

    private <T> Mono<T> selectOne(Connection open, Select<T> query) {
        return loader.load(open, services.selects().render(query), false).take(2).collectList().flatMap(found -> {
            if (found.size() > 1) {
                return Mono.error(new io.valence.orm.MultipleResultsException("getOrCreate found several "
                        + query.entityType().getSimpleName() + " rows for " + query + "; the lookup must identify one row"
                        + " (declare a unique constraint over its properties)"));
            }
            return Mono.justOrEmpty(found.isEmpty() ? null : query.entityType().cast(found.get(0)));
        });
    }

    private static <T> Select<T> lookupQuery(Class<T> type, EntityMapping mapping, Map<String, ?> lookup) {
        if (lookup.isEmpty()) {
            throw new IllegalArgumentException("getOrCreate(" + mapping.name() + ") needs a non-empty lookup");
        }
        Select<T> query = Select.from(type);
        for (Map.Entry<String, ?> entry : lookup.entrySet()) {
            query = query.filterBy(entry.getKey(), entry.getValue());
        }
        return query;
    }

    /** The property names of a unique constraint whose columns all appear in the lookup, or {@code null}. */
    private static List<String> coveringUniqueProperties(EntityMapping mapping, Set<String> lookup) {
        Set<String> lookupColumns = new HashSet<>();
        for (String property : lookup) {
            ColumnMapping column = mapping.column(property);
            if (column != null) {
                lookupColumns.add(column.column());
            }
        }
        for (ColumnMapping column : mapping.columns()) {
            if ((column.unique() || column.role() == ColumnMapping.Role.ID) && lookupColumns.contains(column.column())) {
                return List.of(column.property());
            }
        }
        for (IndexMapping index : mapping.indexes()) {
            if (index.unique() && lookupColumns.containsAll(index.columns())) {
                return index.columns().stream().map(name -> propertyOf(mapping, name)).toList();
            }
        }
        return null;
    }

    private static String propertyOf(EntityMapping mapping, String column) {
        return mapping.columns().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow().property();
    }

    private static String lockKey(EntityMapping mapping, Map<String, ?> lookup) {
        return mapping.table() + ":" + new TreeMap<>(lookup);
    }
}
