package io.valence.orm.reactive.internal.session;

import io.valence.orm.StaleObjectException;
import io.valence.orm.internal.load.MergeCopy;
import io.valence.orm.internal.load.RowReader;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import reactor.core.publisher.Mono;

/**
 * A session's operations on single objects by identity: {@code get} (identity map first),
 * {@code refresh} and {@code merge}.
 */
final class SessionObjects {
    private final SessionServices services;
    private final UnitOfWork unitOfWork;
    private final OperationRunner runner;

    SessionObjects(SessionServices services, UnitOfWork unitOfWork, OperationRunner runner) {
        this.services = services;
        this.unitOfWork = unitOfWork;
        this.runner = runner;
    }

    <T> Mono<T> get(Class<T> type, Object id) {
        EntityMapping mapping = services.metamodel().entity(type);
        Object key = IdArguments.coerce(mapping, id);
        return runner.mono("get()", operation -> {
            Object found = unitOfWork.find(mapping, key);
            EntityState state = found == null ? null : unitOfWork.state(found);
            if (state != null && !state.isExpired()) {
                return state.status() == Status.DELETED ? Mono.empty() : Mono.just(type.cast(found));
            }
            return operation.afterFlush(() -> loadById(operation.channel(), mapping, key, false)).map(type::cast);
        });
    }

    <T> Mono<T> refresh(T entity) {
        EntityState state = persistentState(entity, "it cannot be refreshed; use session.get(…) to load it");
        EntityMapping mapping = state.mapping();
        return runner.mono("refresh()", operation -> loadById(operation.channel(), mapping, state.id(), true)
                .switchIfEmpty(Mono.error(() -> new StaleObjectException(state.describe() + " cannot be refreshed:"
                        + " its row no longer exists (another transaction deleted it). Expunge it from the session",
                        mapping.name(), state.id())))
                .thenReturn(entity));
    }

    <T> Mono<T> merge(T detached) {
        EntityMapping mapping = services.metamodel().entity(detached.getClass());
        if (unitOfWork.contains(detached)) {
            return Mono.just(detached);
        }
        Object id = mapping.idOf(detached);
        return runner.mono("merge()", operation -> {
            if (id == null) {
                return Mono.just(MergeCopy.copyAsNew(unitOfWork, mapping, detached));
            }
            Object found = unitOfWork.find(mapping, id);
            Mono<Object> target = found != null ? Mono.just(found)
                    : operation.afterFlush(() -> loadById(operation.channel(), mapping, id, false));
            return target.map(persistent -> {
                        MergeCopy.copyState(unitOfWork, mapping, detached, persistent);
                        return persistent;
                    })
                    .switchIfEmpty(Mono.fromSupplier(() -> MergeCopy.copyAsNew(unitOfWork, mapping, detached)));
        }).map(merged -> {
            @SuppressWarnings("unchecked")
            T typed = (T) merged;
            return typed;
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

    /** Loads one row by id through the identity map; an expired object whose row is gone leaves the session. */
    private Mono<Object> loadById(TransactionChannel channel, EntityMapping mapping, Object id, boolean overwrite) {
        return channel.list(services.selects().byId(mapping, id), row -> RowReader.read(row, mapping, 0))
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
