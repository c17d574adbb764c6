package io.valence.orm.it.observation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sessions, flushes, queries and commits as Micrometer observations (what Spring Boot's metrics and
 * tracing receive), and statements in the DEBUG log with readable binds.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class ObservationsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Records every observation when it stops, with the statement events it received. */
    private static final class Recorder implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        final Map<Observation.Context, Integer> statements = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            statements.merge(context, 1, Integer::sum);
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        Observation.Context only(String name) {
            List<Observation.Context> found = stopped.stream().filter(context -> context.getName().equals(name)).toList();
            assertThat(found).as(name).hasSize(1);
            return found.get(0);
        }
    }

    @Test
    void aFlushReportsRowsAndStatementsPerTableUnderItsSessionAndCommit(SessionFactory schema, ConnectionPool pool) {
        Recorder recorder = new Recorder();
        SessionFactory factory = observed(pool, recorder);

        factory.inTransaction(session -> {
            Parent parent = new Parent("observed");
            session.add(parent);
            session.add(new Child("a", parent));
            session.add(new Child("b", parent));
            return Mono.empty();
        }).block(TIMEOUT);

        Observation.Context flush = recorder.only("valence.flush");
        assertThat(keys(flush)).containsEntry("valence.flush.rows.parent", "1").containsEntry("valence.flush.rows.child", "2")
                .containsEntry("valence.flush.statements.parent", "1").containsEntry("valence.flush.statements.child", "1")
                .containsEntry("valence.statements", "2").containsEntry("valence.outcome", "success");
        assertThat(recorder.statements).containsEntry(flush, 2);
        Observation.Context commit = recorder.only("valence.commit");
        Observation.Context session = recorder.only("valence.session");
        assertThat(flush.getParentObservation().getContextView()).isSameAs(commit);
        assertThat(commit.getParentObservation().getContextView()).isSameAs(session);
        assertThat(keys(session)).containsEntry("valence.work", "inTransaction");
    }

    @Test
    void aQueryReportsItsEntityRowsAndStatementsAndTheLogShowsArrayBindsAsLists(SessionFactory schema, ConnectionPool pool) {
        schema.inTransaction(session -> {
            Parent parent = new Parent("listed");
            session.add(parent);
            session.add(new Child("c", parent));
            return Mono.empty();
        }).block(TIMEOUT);
        Recorder recorder = new Recorder();
        SessionFactory factory = observed(pool, recorder);
        Logger sql = (Logger) LoggerFactory.getLogger("io.valence.orm.sql");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        sql.addAppender(log);
        Level level = sql.getLevel();
        sql.setLevel(Level.DEBUG);
        List<Parent> parents;
        try {
            parents = factory.withSession(session -> session.scalars(Select.from(Parent.class)
                    .filterBy("value", "listed").options(Load.selectIn("children"))).collectList()).block(TIMEOUT);
        } finally {
            sql.setLevel(level);
            sql.detachAppender(log);
        }

        Observation.Context query = recorder.only("valence.query");
        assertThat(keys(query)).containsEntry("valence.operation", "scalars").containsEntry("valence.entity", "Parent")
                .containsEntry("valence.rows", "1").containsEntry("valence.statements", "2");
        assertThat(recorder.statements).containsEntry(query, 2);
        assertThat(log.list).hasSize(2);
        assertThat(log.list.get(0).getFormattedMessage()).endsWith("\n  binds: $1='listed'");
        assertThat(log.list.get(1).getFormattedMessage()).contains("= ANY($1::bigint[])")
                .endsWith("\n  binds: $1=[" + parents.get(0).id + "]");
    }

    private static SessionFactory observed(ConnectionPool pool, Recorder recorder) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(recorder);
        return SessionFactory.builder(pool).entities(Parent.class, Child.class).observationRegistry(registry).build();
    }

    private static Map<String, String> keys(Observation.Context context) {
        return context.getAllKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }
}
