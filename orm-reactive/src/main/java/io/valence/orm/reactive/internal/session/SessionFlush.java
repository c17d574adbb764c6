package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.flush.FlushPlan;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.ChangeSet;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import io.valence.orm.reactive.internal.load.ResultLoader;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What a flush sends: the delete cascades still waiting for relationships to load, then the plan
 * of the pending changes. It only sends; the {@link OperationRunner} decides what a failure or a
 * cancel means for the transaction.
 */
final class SessionFlush {
    private final SessionServices services;
    private final UnitOfWork unitOfWork;
    private final TransactionChannel channel;
    private final ResultLoader loader;
    /** Relationships a delete could not cascade along because they were not loaded; loaded at the next flush. */
    private final List<UnitOfWork.Unloaded> pendingCascades = new ArrayList<>();

    SessionFlush(SessionServices services, UnitOfWork unitOfWork, TransactionChannel channel, ResultLoader loader) {
        this.services = services;
        this.unitOfWork = unitOfWork;
        this.channel = channel;
        this.loader = loader;
    }

    /**
     * The flush of what is pending, decided at the call; usually nothing is, and then no operator
     * waits on an empty flush (a point read would otherwise pay for it twice, query and commit).
     *
     * @return the Mono that sends the pending changes, or {@code null} when nothing is pending
     */
    Mono<Void> pending() {
        if (!pendingCascades.isEmpty()) {
            return loadPendingCascades().then(Mono.defer(() -> send(new ChangeCollector(unitOfWork).collect())));
        }
        ChangeSet changes = new ChangeCollector(unitOfWork).collect();
        return changes.isEmpty() ? null : send(changes);
    }

    /** Records the relationships a delete must still cascade along once loaded. */
    void cascadeLater(List<UnitOfWork.Unloaded> unloaded) {
        pendingCascades.addAll(unloaded);
    }

    /** Forgets the cascades waiting: their deletes were rolled back or the session closed. */
    void discard() {
        pendingCascades.clear();
    }

    private Mono<Void> send(ChangeSet changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        FlushPlan plan = services.planner().plan(changes);
        changes.inserts().forEach(unitOfWork::beforeInsert);
        return services.observations().flush(plan, services.flushExecutor().execute(plan, unitOfWork, channel));
    }

    /** Loads the relationships pending delete cascades need, following the cascade as they arrive. */
    private Mono<Void> loadPendingCascades() {
        return Mono.defer(() -> {
            if (pendingCascades.isEmpty()) {
                return Mono.empty();
            }
            UnitOfWork.Unloaded next = pendingCascades.remove(0);
            SelectIn selectIn = services.selectInFor(next.state().mapping(), next.relationship().name());
            return loader.loadRelationship(channel, selectIn, List.of(next.state().entity()), false)
                    .then(Mono.fromRunnable(() -> pendingCascades.addAll(unitOfWork.cascadeDelete(next))))
                    .then(loadPendingCascades());
        });
    }
}
