package io.valence.orm.reactive.internal.connection;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL's cancel request for the statement a connection's backend is running. The request
 * travels on a connection of its own and completes once the server closed it, that is once the
 * backend was signalled: a ROLLBACK sent after that can no longer be the one cancelled (an idle
 * backend ignores the signal).
 */
final class ServerCancel {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCancel.class);
    /** Pools and proxies wrap the driver's connection; a chain deeper than this is not one. */
    private static final int MAX_WRAPPERS = 8;
    /**
     * How long to wait for the server to take the request: past that the ROLLBACK goes out anyway
     * (and waits for the statement to end by itself), rather than keep the connection for good.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private ServerCancel() {}

    /**
     * Sends a cancel request for what the connection's backend runs now.
     *
     * @param connection the pooled (possibly proxied) connection
     * @return a Mono that completes once the server took the request, or after a time without an
     *     answer; it never fails (a failed request leaves the statement to end by itself, as without one)
     */
    static Mono<Void> send(Connection connection) {
        Object current = connection;
        for (int depth = 0; depth < MAX_WRAPPERS && current != null; depth++) {
            if (current instanceof PostgresqlConnection postgres) {
                return postgres.cancelRequest().timeout(ANSWER_TIMEOUT).onErrorResume(error -> {
                    LOG.debug("The cancel request for an abandoned statement failed", error);
                    return Mono.empty();
                });
            }
            current = current instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return Mono.empty();
    }
}
