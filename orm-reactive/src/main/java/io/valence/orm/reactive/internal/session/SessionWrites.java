package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.Connection;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.MultipleResultsException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IndexMapping;
import io.valence.orm.internal.query.RenderedDml;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.sql.LockSql;
import io.valence.orm.internal.sql.SqlStatement;
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
import java.util.Optional;
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
    /** SAVEPOINTs of nested() taken and not yet released or rolled back to. */
    int openSavepoints;
    /** Objects that rows of statements run inside nested() brought into the session, oldest first. */
    private final InverseSides inverseSides;

    SessionWrites(SessionServices services, UnitOfWork unitOfWork, SessionConnection connection, OperationGuard guard) {
        super(services, unitOfWork, connection, guard);
        this.inverseSides = new InverseSides(unitOfWork);
    }

    public <T> Flux<T> execute(Dml<T> dml) {
        RenderedDml rendered = services.dml().render(dml);
        return guard.flux("execute()", () -> {
            checkUsable();
            return afterFlush(connection::connection)
                    .flatMapMany(open -> runDml(open, rendered, dml))
                    .map(dml.entityType()::cast);
        });
    }

    private Flux<Object> runDml(Connection open, RenderedDml rendered, Dml<?> dml) {
        EntityMapping mapping = rendered.mapping();
        Mono<List<Object>> objects = rendered.returnsRows()
                ? services.runner().list(open, rendered.statement(), row -> RowReader.read(row, mapping, 0))
                        .map(rows -> synchronize(mapping, rows, dml))
                : services.runner().update(open, rendered.statement()).thenReturn(List.of());
        // PostgreSQL aborted the transaction on any error, whether or not the statement returns rows
        return objects.onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("execute()", error))
                .flatMapIterable(synced -> synced);
    }

    /**
     * Brings the session in line with the rows a statement changed: inserted or updated rows refresh
     * the session's objects for them, deleted rows' objects leave it, and loaded collections follow
     * (see {@link InverseSides}); unless the statement opted out. Rows the session held no object for
     * become objects only when the statement returns them or a loaded collection must hold them: a
     * bulk update of many rows does not fill the identity map. Returned rows of a DELETE become
     * detached objects.
     */
    private List<Object> synchronize(EntityMapping mapping, List<Object[]> rows, Dml<?> dml) {
        boolean delete = dml instanceof Delete<?>;
        boolean refresh = dml.isSynchronizeSession();
        List<Object> objects = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object known = unitOfWork.find(mapping, row[0]);
            boolean joinsCollection = known == null && refresh && !delete && inverseSides.isHeldByLoadedSide(mapping, row);
            if (known == null && !dml.isReturning() && !joinsCollection) {
                continue;
            }
            Object[] before = InverseSides.referencedBy(mapping, known);
            Object object = unitOfWork.load(mapping, row, refresh && !delete);
            if (delete && (known == null || refresh)) {
                unitOfWork.expunge(object);
            } else if (known == null) {
                unitOfWork.entered(object);
            }
            if (refresh) {
                inverseSides.follow(mapping, object, before, delete);
            }
            if (dml.isReturning()) {
                objects.add(object);
            }
        }
        return objects;
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
            String name = nextSavepointName();
            UnitOfWork.Savepoint[] mark = new UnitOfWork.Savepoint[1];
            Mono<Void> begin = guard.mono("nested()", claim -> {
                checkUsable();
                return afterFlush(connection::connection)
                        .flatMap(open -> Mono.from(open.createSavepoint(name)))
                        .doOnSuccess(done -> {
                            mark[0] = unitOfWork.savepoint();
                            openSavepoints++;
                        });
            });
            // checkUsable(): work that swallowed a database error still left the transaction aborted
            Mono<Void> release = guard.mono("nested()", claim -> {
                checkUsable();
                return afterFlush(connection::connection)
                        .flatMap(open -> Mono.from(open.releaseSavepoint(name)))
                        .doOnSuccess(done -> leftSavepoint());
            });
            // The work is applied only once the SAVEPOINT exists: what it adds or changes synchronously
            // must fall after the savepoint's mark, or a failure could not undo it.
            return begin.then(Mono.defer(() -> work.apply(self))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(result -> release.then(Mono.justOrEmpty(result)))
                    .onErrorResume(error -> mark[0] == null ? Mono.error(error)
                            : rollbackTo(name, mark[0]).then(Mono.error(error))))
                    // cancelled between SAVEPOINT and its release or rollback: the work's part is in doubt
                    .doOnCancel(() -> {
                        if (mark[0] != null && openSavepoints > 0) {
                            markInDoubt("nested()");
                        }
                    });
        });
    }

    private String nextSavepointName() {
        return "valence_savepoint_" + (++savepoints);
    }

    private void leftSavepoint() {
        openSavepoints--;
    }

    private Mono<Void> rollbackTo(String name, UnitOfWork.Savepoint mark) {
        return guard.mono("nested()", claim -> connection.connection()
                .flatMap(open -> Mono.from(open.rollbackTransactionToSavepoint(name)))
                .doOnSuccess(done -> {
                    unitOfWork.rolledBackTo(mark);
                    leftSavepoint();
                    pendingCascades.clear();
                    clearFailure();
                }));
    }

    /** The failure a rollback to savepoint recovers from (a failed flush inside the nested work). */
    abstract void clearFailure();

    /** Marks the transaction in doubt after a cancellation part-way; see {@link DefaultReactiveSession}. */
    abstract void markInDoubt(String operation);

    public <T> Mono<GetOrCreate<T>> getOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        LookupPlan<T> plan = planLookup(type, lookup, defaults);
        return guard.mono("getOrCreate()", claim -> {
            checkUsable();
            return afterFlush(connection::connection).flatMap(open -> getOrInsert(open, plan));
        });
    }

    public <T> Mono<GetOrCreate<T>> updateOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> values) {
        Mono<GetOrCreate<T>> got = getOrCreate(type, lookup, values);
        EntityMapping mapping = services.metamodel().entity(type);
        return got.flatMap(result -> {
            if (result.created()) {
                return Mono.just(result);
            }
            values.forEach((property, value) -> mapping.column(property).accessor().set(result.entity(), value));
            return guard.mono("updateOrCreate()", claim -> {
                checkUsable();
                return flushNow();
            }).thenReturn(result);
        });
    }

    /**
     * What a getOrCreate runs, rendered at the call so that a bad property fails there.
     *
     * @param type the entity class
     * @param mapping its mapping
     * @param lookupProperties the lookup's property names, sorted, for messages
     * @param select the lookup query
     * @param insert the INSERT of lookup and defaults, with ON CONFLICT DO NOTHING when guarded
     * @param conflictProperties the unique properties the insert's ON CONFLICT names, or null
     * @param lock the advisory lock statement when no unique constraint covers the lookup, or null
     */
    private record LookupPlan<T>(Class<T> type, EntityMapping mapping, List<String> lookupProperties,
            RenderedSelect select, SqlStatement insert, List<String> conflictProperties, SqlStatement lock) {}

    private <T> LookupPlan<T> planLookup(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        EntityMapping mapping = services.metamodel().entity(type);
        if (lookup.isEmpty()) {
            throw new IllegalArgumentException("getOrCreate(" + mapping.name() + ") needs a non-empty lookup: the"
                    + " properties that identify the row");
        }
        // sorted, so that every caller of one lookup renders the same query text, and takes the same lock
        Map<String, Object> sorted = new TreeMap<>(lookup);
        Select<T> query = Select.from(type);
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            query = query.filterBy(entry.getKey(), entry.getValue());
        }
        RenderedSelect select = services.selects().render(query);
        Map<String, Object> values = new LinkedHashMap<>(sorted);
        values.putAll(defaults);
        List<String> conflict = coveringUniqueProperties(mapping, lookup);
        Insert<T> insert = Insert.into(type).values(values).returning();
        Insert<T> guarded = conflict == null ? insert : insert.onConflict(conflict.toArray(String[]::new)).doNothing();
        SqlStatement lock = conflict != null ? null : LockSql.lookupLock(mapping.table(), select.statement());
        return new LookupPlan<>(type, mapping, List.copyOf(sorted.keySet()), select,
                services.dml().render(guarded).statement(), conflict, lock);
    }

    /**
     * Selects the row; when there is none, inserts it race-safely. With a unique constraint covering
     * the lookup, {@code INSERT … ON CONFLICT DO NOTHING RETURNING} decides the race (it waits for a
     * concurrent inserter's commit, and the loser re-selects the winner's row). Without one, a
     * transaction-scoped advisory lock on the lookup serializes creators of the same lookup until
     * their transactions end; it is taken only when the first select found nothing, so reading an
     * existing row never waits for a creator's transaction. See docs/get-or-create.md.
     */
    private <T> Mono<GetOrCreate<T>> getOrInsert(Connection open, LookupPlan<T> plan) {
        return found(open, plan)
                .switchIfEmpty(Mono.defer(() -> plan.lock() == null ? create(open, plan) : lockedCreate(open, plan)));
    }

    private <T> Mono<GetOrCreate<T>> lockedCreate(Connection open, LookupPlan<T> plan) {
        // a creator of the same lookup may have committed since the first select: look again under the lock
        Mono<Void> lock = services.runner().list(open, plan.lock(), row -> row).then();
        return lock.onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("getOrCreate()", error))
                .then(Mono.defer(() -> found(open, plan)))
                .switchIfEmpty(Mono.defer(() -> create(open, plan)));
    }

    private <T> Mono<GetOrCreate<T>> found(Connection open, LookupPlan<T> plan) {
        return selectOne(open, plan)
                .map(found -> new GetOrCreate<>(found, false))
                .onErrorResume(SessionQueries::isDatabaseError, error -> failTransaction("getOrCreate()", error));
    }

    private <T> Mono<GetOrCreate<T>> create(Connection open, LookupPlan<T> plan) {
        return insertInSavepoint(open, plan).flatMap(rows -> {
            if (!rows.isEmpty()) {
                Object created = unitOfWork.load(plan.mapping(), rows.get(0), false);
                unitOfWork.entered(created);
                return Mono.just(new GetOrCreate<>(plan.type().cast(created), true));
            }
            // ON CONFLICT DO NOTHING: a concurrent transaction committed the row first; take the winner's row
            return found(open, plan).switchIfEmpty(Mono.error(() -> partialMatch(plan)));
        });
    }

    /**
     * The INSERT inside a SAVEPOINT of its own, so that an insert that fails (a not-null column
     * missing from lookup and defaults, another unique constraint) fails getOrCreate alone and leaves
     * the transaction and the session's earlier work intact, as Django's create in atomic() does.
     */
    private Mono<List<Object[]>> insertInSavepoint(Connection open, LookupPlan<?> plan) {
        String name = nextSavepointName();
        return Mono.from(open.createSavepoint(name))
                .then(services.runner().list(open, plan.insert(), row -> RowReader.read(row, plan.mapping(), 0)))
                .flatMap(rows -> Mono.from(open.releaseSavepoint(name)).thenReturn(rows))
                .onErrorResume(SessionQueries::isDatabaseError, error -> Mono.from(open.rollbackTransactionToSavepoint(name))
                        .onErrorResume(broken -> failTransaction("getOrCreate()", broken))
                        .then(Mono.error(error)));
    }

    private <T> Mono<T> selectOne(Connection open, LookupPlan<T> plan) {
        return loader.load(open, plan.select(), false).take(2).collectList().flatMap(found -> {
            if (found.size() > 1) {
                return Mono.error(new MultipleResultsException("getOrCreate(" + plan.mapping().name() + ") found several"
                        + " rows matching the lookup " + plan.lookupProperties() + ", but a lookup must identify one"
                        + " row. Declare a unique constraint over those properties (@Column(unique = true) or"
                        + " @Table(uniqueConstraints)), or add properties to the lookup"));
            }
            return Mono.justOrEmpty(found.isEmpty() ? null : plan.type().cast(found.get(0)));
        });
    }

    private static ConstraintViolationException partialMatch(LookupPlan<?> plan) {
        EntityMapping mapping = plan.mapping();
        return new ConstraintViolationException("getOrCreate(" + mapping.name() + ") found no row matching the lookup "
                + plan.lookupProperties() + " and could not insert one: a row of table \"" + mapping.table()
                + "\" already holds the same " + plan.conflictProperties() + ", which a unique constraint allows once,"
                + " and differs in the rest of the lookup. Look the row up by " + plan.conflictProperties()
                + " alone (and set the other properties with updateOrCreate(…) if needed)",
                mapping.table(), null, mapping.name(), plan.insert().sql(), null);
    }

    /**
     * The property names of a unique constraint whose columns all appear in the lookup with non-null
     * values (a NULL never conflicts), or {@code null}.
     */
    private static List<String> coveringUniqueProperties(EntityMapping mapping, Map<String, ?> lookup) {
        Set<String> lookupColumns = new HashSet<>();
        lookup.forEach((property, value) -> {
            ColumnMapping column = mapping.column(property);
            if (column != null && value != null) {
                lookupColumns.add(column.column());
            }
        });
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
}
