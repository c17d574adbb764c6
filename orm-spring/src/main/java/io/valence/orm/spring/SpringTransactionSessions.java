package io.valence.orm.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.valence.orm.OrmException;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The Valence session of the Spring transaction the subscriber runs in ({@code @Transactional},
 * {@code TransactionalOperator}): one per transaction and factory, on the connection that Spring's
 * R2DBC transaction manager bound, so that it commits and rolls back with {@code DatabaseClient}'s
 * statements. It is opened on first use, flushed before Spring commits, and closed when the
 * transaction completes; a transaction that Spring suspends (an inner {@code REQUIRES_NEW}) hides
 * it until it resumes.
 */
final class SpringTransactionSessions {
    private static final Logger LOG = LoggerFactory.getLogger(SpringTransactionSessions.class);
    private final SessionFactory sessionFactory;
    private final ConnectionFactory connectionFactory;
    private final ValenceExceptionTranslator translator;

    SpringTransactionSessions(
            SessionFactory sessionFactory, ConnectionFactory connectionFactory, ValenceExceptionTranslator translator) {
        this.sessionFactory = sessionFactory;
        this.connectionFactory = connectionFactory;
        this.translator = translator;
    }

    /**
     * The current Spring transaction's session, opened on its first use.
     *
     * @return a Mono of the session, or empty when the subscriber runs in no actual Spring transaction
     */
    Mono<Optional<ReactiveSession>> current() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(manager -> manager.isSynchronizationActive() && manager.isActualTransactionActive())
                .flatMap(this::sessionOf)
                .map(Optional::of)
                .onErrorResume(NoTransactionException.class, none -> Mono.empty())
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * The current Spring transaction's session, failing when there is none.
     *
     * @return a Mono of the session
     */
    Mono<ReactiveSession> required() {
        return current().flatMap(session -> session.map(Mono::just).orElseGet(() -> Mono.error(new OrmException(
                "No Spring transaction is active here, so there is no transaction-bound Valence session: run this"
                        + " code in a @Transactional method or through TransactionalOperator, or use"
                        + " ValenceTransactions.inTransaction(...) for a session with its own transaction"))));
    }

    private Mono<ReactiveSession> sessionOf(TransactionSynchronizationManager manager) {
        Object bound = manager.getResource(this);
        if (bound != null) {
            return Mono.just((ReactiveSession) bound);
        }
        return ConnectionFactoryUtils.getConnection(connectionFactory).map(connection -> {
            ReactiveSession session = sessionFactory.openJoinedSession(new BoundConnection(connection));
            manager.bindResource(this, session);
            manager.registerSynchronization(new SessionSynchronization(manager, session));
            return session;
        });
    }

    /** Emits the transaction's connection, already obtained in the transaction's context. */
    private record BoundConnection(Connection connection) implements ConnectionFactory {
        @Override
        public Publisher<? extends Connection> create() {
            return Mono.just(connection);
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> connection.getMetadata().getDatabaseProductName();
        }
    }

    /** Flushes the session before Spring commits, and ends it with the transaction. */
    private final class SessionSynchronization implements TransactionSynchronization {
        private final TransactionSynchronizationManager manager;
        private final ReactiveSession session;

        SessionSynchronization(TransactionSynchronizationManager manager, ReactiveSession session) {
            this.manager = manager;
            this.session = session;
        }

        @Override
        public Mono<Void> suspend() {
            return Mono.fromRunnable(() -> manager.unbindResource(SpringTransactionSessions.this));
        }

        @Override
        public Mono<Void> resume() {
            return Mono.fromRunnable(() -> manager.bindResource(SpringTransactionSessions.this, session));
        }

        @Override
        public Mono<Void> beforeCommit(boolean readOnly) {
            // like Hibernate's session in a read-only Spring transaction: nothing is written
            return readOnly ? Mono.empty() : session.flush().onErrorMap(translator::translateIfValence);
        }

        @Override
        public Mono<Void> afterCompletion(int status) {
            return session.close()
                    .onErrorResume(error -> {
                        LOG.warn("Closing the Valence session of a completed Spring transaction failed", error);
                        return Mono.empty();
                    })
                    // the connection is the transaction manager's: it releases it when it cleans up
                    .then(Mono.fromRunnable(() -> manager.unbindResourceIfPossible(SpringTransactionSessions.this)));
        }
    }
}
