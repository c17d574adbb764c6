package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.load.GetOrCreatePlan;
import io.valence.orm.internal.load.RowReader;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Race-safe get-or-create and update-or-create, running the {@link GetOrCreatePlan} core decided.
 * Selects the row; when there is none, inserts it inside a SAVEPOINT of its own. With a unique
 * constraint covering the lookup, {@code INSERT … ON CONFLICT DO NOTHING RETURNING} decides the
 * race (it waits for a concurrent inserter's commit, and the loser re-selects the winner's row).
 * Without one, a transaction-scoped advisory lock on the lookup serializes creators, taken only
 * when the first select found nothing, so reading an existing row never waits for a creator.
 */
final class GetOrCreateRunner {
    private final SessionServices services;
    private final UnitOfWork unitOfWork;
    private final OperationRunner runner;
    private final ResultLoader loader;
    private final Savepoints savepoints;

    GetOrCreateRunner(
            SessionServices services, UnitOfWork unitOfWork, OperationRunner runner, ResultLoader loader, Savepoints savepoints) {
        this.services = services;
        this.unitOfWork = unitOfWork;
        this.runner = runner;
        this.loader = loader;
        this.savepoints = savepoints;
    }

    <T> Mono<GetOrCreate<T>> getOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults) {
        GetOrCreatePlan<T> plan = GetOrCreatePlan.of(
                services.metamodel().entity(type), type, lookup, defaults, services.selects(), services.dml());
        return runner.mono("getOrCreate()", operation -> operation.afterFlush(() -> {
            TransactionChannel channel = operation.channel();
            return found(channel, plan).switchIfEmpty(Mono.defer(
                    () -> plan.lock() == null ? create(channel, plan) : lockedCreate(channel, plan)));
        }));
    }

    <T> Mono<GetOrCreate<T>> updateOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> values) {
        EntityMapping mapping = services.metamodel().entity(type);
        return getOrCreate(type, lookup, values).flatMap(result -> {
            if (result.created()) {
                return Mono.just(result);
            }
            values.forEach((property, value) -> mapping.column(property).accessor().set(result.entity(), value));
            return runner.mono("updateOrCreate()", OperationRunner.Operation::flushNow).thenReturn(result);
        });
    }

    private <T> Mono<GetOrCreate<T>> lockedCreate(TransactionChannel channel, GetOrCreatePlan<T> plan) {
        // a creator of the same lookup may have committed since the first select: look again under the lock
        return channel.list(plan.lock(), row -> row)
                .then(Mono.defer(() -> found(channel, plan)))
                .switchIfEmpty(Mono.defer(() -> create(channel, plan)));
    }

    private <T> Mono<GetOrCreate<T>> found(TransactionChannel channel, GetOrCreatePlan<T> plan) {
        return loader.load(channel, plan.select(), false).take(2).collectList().flatMap(found -> {
            if (found.size() > 1) {
                return Mono.error(plan.severalFound());
            }
            return Mono.justOrEmpty(found.isEmpty() ? null : new GetOrCreate<>(plan.type().cast(found.get(0)), false));
        });
    }

    private <T> Mono<GetOrCreate<T>> create(TransactionChannel channel, GetOrCreatePlan<T> plan) {
        return insertInSavepoint(channel, plan).flatMap(rows -> {
            if (!rows.isEmpty()) {
                Object created = unitOfWork.load(plan.mapping(), rows.get(0), false);
                unitOfWork.entered(created);
                return Mono.just(new GetOrCreate<>(plan.type().cast(created), true));
            }
            // ON CONFLICT DO NOTHING: a concurrent transaction committed the row first; take the winner's row
            return found(channel, plan).switchIfEmpty(Mono.error(plan::partialMatch));
        });
    }

    /**
     * The INSERT inside a SAVEPOINT of its own, so that an insert that fails (a not-null column
     * missing from lookup and defaults, another unique constraint) fails getOrCreate alone and leaves
     * the transaction and the session's earlier work intact, as Django's create in atomic() does.
     */
    private Mono<List<Object[]>> insertInSavepoint(TransactionChannel channel, GetOrCreatePlan<?> plan) {
        String name = savepoints.nextName();
        return channel.savepoint(name)
                .then(channel.list(plan.insert(), row -> RowReader.read(row, plan.mapping(), 0)))
                .flatMap(rows -> channel.releaseSavepoint(name).thenReturn(rows))
                .onErrorResume(error -> channel.isAborted(),
                        error -> channel.rollbackToSavepoint(name).then(Mono.error(error)));
    }
}
