package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.load.InverseSides;
import io.valence.orm.internal.load.RowReader;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.query.RenderedDml;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Dml;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bulk DML with RETURNING that keeps the session's objects true to the rows it changed. */
final class SessionDml {
    private final SessionServices services;
    private final UnitOfWork unitOfWork;
    private final OperationRunner runner;
    private final InverseSides inverseSides;

    SessionDml(SessionServices services, UnitOfWork unitOfWork, OperationRunner runner) {
        this.services = services;
        this.unitOfWork = unitOfWork;
        this.runner = runner;
        this.inverseSides = new InverseSides(unitOfWork);
    }

    <T> Flux<T> execute(Dml<T> dml) {
        RenderedDml rendered = services.dml().render(dml);
        return runner.flux("execute()", operation -> operation.afterFlushMany(() -> run(operation, rendered, dml)))
                .map(dml.entityType()::cast);
    }

    /** The statement, a write: cancelled while it runs, it leaves the transaction in doubt. */
    private Flux<Object> run(OperationRunner.Operation operation, RenderedDml rendered, Dml<?> dml) {
        EntityMapping mapping = rendered.mapping();
        TransactionChannel channel = operation.channel();
        Mono<List<Object>> objects = rendered.returnsRows()
                ? channel.list(rendered.statement(), row -> RowReader.read(row, mapping, 0))
                        .map(rows -> synchronize(mapping, rows, dml))
                : channel.update(rendered.statement()).thenReturn(List.of());
        return operation.write("execute()", objects).flatMapIterable(synced -> synced);
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
            Object known = unitOfWork.find(mapping, mapping.key().keyOfRow(row));
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
}
