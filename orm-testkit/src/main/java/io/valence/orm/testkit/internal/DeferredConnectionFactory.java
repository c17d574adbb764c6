package io.valence.orm.testkit.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

/**
 * Calls the delegate's {@code create()} once per subscription. r2dbc-proxy binds one
 * {@code ConnectionInfo} (connection id, value store) to each {@code create()} call, while
 * r2dbc-pool calls {@code create()} once and subscribes again for every connection it opens;
 * without this, all pooled connections would report the id of the newest one.
 */
public final class DeferredConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

    private final ConnectionFactory delegate;

    /**
     * Wraps the factory.
     *
     * @param delegate the factory whose {@code create()} is called per subscription
     */
    public DeferredConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Connection> create() {
        return Mono.defer(() -> Mono.from(delegate.create()));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return delegate;
    }
}
