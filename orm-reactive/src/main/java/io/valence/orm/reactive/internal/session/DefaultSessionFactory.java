package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.Schema;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The factory: shares one set of {@link SessionServices} among all its sessions. */
public final class DefaultSessionFactory implements SessionFactory {
    private final SessionServices services;
    private final Schema schema;
    private volatile boolean closed;

    /**
     * @param connectionFactory where sessions take connections
     * @param metamodel the validated mappings
     * @param acquireTimeout how long a session waits for a connection
     */
    public DefaultSessionFactory(ConnectionFactory connectionFactory, Metamodel metamodel, Duration acquireTimeout) {
        this.services = SessionServices.create(connectionFactory, metamodel, acquireTimeout);
        this.schema = new DefaultSchema(connectionFactory, metamodel);
    }

    @Override
    public ReactiveSession openSession() {
        if (closed) {
            throw new OrmException("This SessionFactory is closed; build a new one to open sessions");
        }
        return new DefaultReactiveSession(services);
    }

    @Override
    public <T> Mono<T> withSession(Function<ReactiveSession, Mono<T>> work) {
        return Mono.usingWhen(
                Mono.fromSupplier(this::openSession),
                work,
                ReactiveSession::close,
                (session, error) -> session.close(),
                ReactiveSession::close);
    }

    @Override
    public <T> Mono<T> inTransaction(Function<ReactiveSession, Mono<T>> work) {
        return withSession(session -> work.apply(session)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> session.commit().then(Mono.justOrEmpty(result))));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> closed = true);
    }
}
