package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.internal.flush.FlushPlanner;
import io.valence.orm.internal.flush.FlushStatements;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.query.DmlRenderer;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.reactive.internal.execution.ErrorTranslator;
import io.valence.orm.reactive.internal.execution.FlushExecutor;
import io.valence.orm.reactive.internal.execution.StatementRunner;
import java.time.Duration;

/**
 * What every session of one factory shares: the metamodel and the planners, renderers and runners
 * built from it once, with their SQL caches.
 *
 * @param connectionFactory where sessions take connections
 * @param metamodel the mappings
 * @param planner orders flushes
 * @param runner runs statements
 * @param flushExecutor runs flush plans
 * @param selects renders queries
 * @param dml renders bulk DML
 * @param acquireTimeout how long a session waits for a connection
 */
record SessionServices(
        ConnectionFactory connectionFactory,
        Metamodel metamodel,
        FlushPlanner planner,
        StatementRunner runner,
        FlushExecutor flushExecutor,
        SelectRenderer selects,
        DmlRenderer dml,
        Duration acquireTimeout) {

    static SessionServices create(ConnectionFactory connectionFactory, Metamodel metamodel, Duration acquireTimeout) {
        StatementRunner runner = new StatementRunner(new ErrorTranslator(metamodel));
        return new SessionServices(connectionFactory, metamodel, new FlushPlanner(metamodel), runner,
                new FlushExecutor(new FlushStatements(), runner), new SelectRenderer(metamodel), new DmlRenderer(metamodel),
                acquireTimeout);
    }
}
