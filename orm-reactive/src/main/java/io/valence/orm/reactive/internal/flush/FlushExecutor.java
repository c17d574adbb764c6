package io.valence.orm.reactive.internal.flush;

import io.valence.orm.OrmException;
import io.valence.orm.StaleObjectException;
import io.valence.orm.internal.flush.BoundStep;
import io.valence.orm.internal.flush.FlushPlan;
import io.valence.orm.internal.flush.FlushStatements;
import io.valence.orm.internal.flush.FlushStep;
import io.valence.orm.internal.load.RowReader;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.ChangeSet;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a flush plan step after step on the session's connection. Each step is bound only when the
 * previous one finished, so foreign keys read the ids earlier inserts assigned. Results are applied
 * to the unit of work as they arrive: generated ids in input order, and every update or delete
 * checked to have touched its row (a missing one is a {@link StaleObjectException}). An update
 * without a version column is checked by its count of changed rows, and only a short count costs
 * a second query, naming the rows that are gone.
 */
public final class FlushExecutor {
    private final FlushStatements statements;

    /**
     * @param statements binds steps to SQL
     */
    public FlushExecutor(FlushStatements statements) {
        this.statements = statements;
    }

    /**
     * Runs a plan.
     *
     * @param plan the steps in order
     * @param unitOfWork the session's objects, updated as steps complete
     * @param channel the session's transaction channel
     * @return a Mono that completes when every step ran
     */
    public Mono<Void> execute(FlushPlan plan, UnitOfWork unitOfWork, TransactionChannel channel) {
        Flux<Void> steps = Flux.fromIterable(plan.steps())
                .concatMap(step -> Flux.defer(() -> Flux.fromIterable(statements.bind(step, unitOfWork.values())))
                        .concatMap(bound -> run(bound, unitOfWork, channel), 1), 1);
        if (plan.links().isEmpty()) {
            return steps.then();
        }
        // link rows: deleted before the rows they refer to may go, inserted once those rows exist
        Flux<Void> unlink = Flux.fromIterable(plan.links()).filter(ChangeSet.LinkChange::deletes)
                .concatMap(change -> Mono.defer(() -> channel.update(statements.deleteLinks(change))).then(), 1);
        Flux<Void> link = Flux.fromIterable(plan.links()).filter(change -> !change.linked().isEmpty())
                .concatMap(change -> Mono.defer(() -> channel.update(statements.insertLinks(change))).then(), 1);
        return Flux.concat(unlink, steps, link).then();
    }

    private Mono<Void> run(BoundStep bound, UnitOfWork unitOfWork, TransactionChannel channel) {
        // the ids a statement answers with; for a composite key, the positions of its rows
        ColumnMapping id = bound.step().mapping().key().answerColumn();
        if (bound.returnsGeneratedIds()) {
            return channel.list(bound.statement(), row -> RowReader.value(row, 0, id))
                    .doOnNext(ids -> assignIds(bound, ids, unitOfWork))
                    .then();
        }
        if (bound.countsTouchedRows()) {
            return channel.update(bound.statement()).flatMap(count -> count == bound.rows().size()
                    ? Mono.<Void>fromRunnable(() -> applyTouched(bound, Optional.empty(), unitOfWork))
                    : channel.list(statements.missingRows(bound), row -> RowReader.value(row, 0, id))
                            .flatMap(missing -> Mono.<Void>error(missed(bound, count, missing))));
        }
        if (!bound.checksTouchedRows()) {
            return channel.update(bound.statement())
                    .doOnNext(count -> {
                        if (bound.step().completes()) {
                            bound.rows().forEach(unitOfWork::inserted);
                        }
                    })
                    .then();
        }
        return channel.list(bound.statement(), row -> Optional.ofNullable(RowReader.values(row, 0, id)))
                .doOnNext(answer -> applyTouched(bound, answer.get(0), unitOfWork))
                .then();
    }

    private static void assignIds(BoundStep bound, List<Object> ids, UnitOfWork unitOfWork) {
        List<EntityState> rows = bound.rows();
        if (ids.size() != rows.size()) {
            throw new OrmException("The INSERT into \"" + bound.step().mapping().table() + "\" returned " + ids.size()
                    + " ids for " + rows.size() + " rows; a trigger or rule on the table may be interfering."
                    + "\n  statement: " + bound.statement().abbreviated());
        }
        ColumnMapping id = bound.step().mapping().id();
        for (int i = 0; i < rows.size(); i++) {
            id.accessor().set(rows.get(i).entity(), ids.get(i)); // read by the INSERTs into a JOINED class's other tables
            if (bound.step().completes()) {
                unitOfWork.inserted(rows.get(i));
            }
        }
    }

    /**
     * Marks the rows updated or deleted once none was missed. The statement answers with the ids it
     * touched only when it missed some (see {@code FlushSqlRenderer.touchedUnlessAll}).
     */
    private static void applyTouched(BoundStep bound, Optional<List<Object>> touchedWhenSomeMissed, UnitOfWork unitOfWork) {
        boolean delete = bound.step() instanceof FlushStep.DeleteRows;
        if (touchedWhenSomeMissed.isPresent()) {
            Set<Object> found = new HashSet<>(touchedWhenSomeMissed.get());
            for (int i = 0; i < bound.rows().size(); i++) {
                EntityState row = bound.rows().get(i);
                if (!found.contains(row.mapping().key().answerOf(row.id(), i))) {
                    throw stale(row, delete);
                }
            }
        }
        if (!bound.step().completes()) {
            return; // a JOINED class's other tables follow
        }
        for (EntityState row : bound.rows()) {
            if (delete) {
                unitOfWork.deleted(row);
            } else {
                unitOfWork.updated(row);
            }
        }
    }

    /** The error for an UPDATE that changed fewer rows than it was given, naming the first row that is gone. */
    private static StaleObjectException missed(BoundStep bound, long count, List<Object> missing) {
        Set<Object> gone = new HashSet<>(missing);
        for (int i = 0; i < bound.rows().size(); i++) {
            EntityState row = bound.rows().get(i);
            if (gone.contains(row.mapping().key().answerOf(row.id(), i))) {
                return stale(row, false);
            }
        }
        // every row exists again by now: another transaction deleted and re-inserted one in between
        EntityState first = bound.rows().get(0);
        return new StaleObjectException("UPDATE of " + bound.rows().size() + " " + first.mapping().name() + " rows"
                + " matched only " + count + ": another transaction deleted some of them. Nothing of this flush was"
                + " kept; roll back, reload the objects and apply the changes again", first.mapping().name(), null);
    }

    private static StaleObjectException stale(EntityState row, boolean delete) {
        boolean versioned = row.mapping().version() != null;
        String what = delete ? "DELETE" : "UPDATE";
        return new StaleObjectException(what + " of " + row.describe() + " matched no row: "
                + (versioned ? "another transaction changed it (its @Version is no longer "
                        + row.snapshotValue(row.mapping().version()) + ") or deleted it"
                        : "another transaction deleted it")
                + ". Nothing of this flush was kept; roll back, reload the object (session.refresh or a new"
                + " session) and apply the change again", row.mapping().name(), row.id());
    }
}
