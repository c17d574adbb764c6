package io.valence.orm.testkit;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.testkit.internal.DeferredConnectionFactory;
import io.valence.orm.testkit.internal.RecordingListener;
import io.valence.orm.testkit.internal.StatementLog;
import java.util.List;

/**
 * Records every statement executed through the connection factories it {@link #wrap wraps}
 * (an r2dbc-proxy listener), for assertions such as "this flush took exactly 2 statements":
 *
 * <pre>{@code
 * recorder.reset();
 * // … run the code under test …
 * recorder.assertThat().hasStatementCount(1).updates().singleElement().setsOnly("title");
 * }</pre>
 *
 * <p>A {@code Statement} executed with several {@code add()}ed bindings is one execution (one
 * round trip) with that many bindings. Transaction control through the {@code Connection} API
 * ({@code beginTransaction()}, {@code commitTransaction()}, …) is recorded too, with kind
 * {@link StatementKind#TRANSACTION}; statement counts leave it out, round-trip counts include it.
 * An execution that starts while transaction control on the same connection is still in flight
 * (a session's first statement behind its BEGIN) is {@linkplain RecordedStatement#pipelined()
 * pipelined}: it went out without waiting, so round-trip counts leave it out. Thread-safe:
 * executions on several connections at once are recorded in the order they start.
 */
public final class StatementRecorder {

    private final StatementLog log = new StatementLog();
    private final RecordingListener listener = new RecordingListener(log);

    private StatementRecorder() {}

    /**
     * Creates a recorder that has seen nothing yet.
     *
     * @return a new recorder
     */
    public static StatementRecorder create() {
        return new StatementRecorder();
    }

    /**
     * A connection factory that behaves like {@code connectionFactory} and reports to this
     * recorder. Wrap the driver's factory and pool on top, so pooled connections are recorded.
     *
     * @param connectionFactory the factory to observe
     * @return the recording proxy
     */
    public ConnectionFactory wrap(ConnectionFactory connectionFactory) {
        return new DeferredConnectionFactory(ProxyConnectionFactory.builder(connectionFactory).listener(listener).build());
    }

    /**
     * Everything recorded since creation or the last {@link #reset()}, transaction control
     * included, in the order executions started. An execution whose results were not consumed
     * yet shows as {@link RecordedStatement.Outcome#UNFINISHED}.
     *
     * @return an immutable snapshot
     */
    public List<RecordedStatement> statements() {
        return log.snapshot();
    }

    /** Forgets everything recorded so far; numbering starts again at 1. */
    public void reset() {
        log.clear();
    }

    /**
     * Assertions on a snapshot taken now; see {@link StatementsAssert}.
     *
     * @return assertions over the recorded statements (transaction control left out)
     */
    public StatementsAssert assertThat() {
        return StatementsAssert.assertThatStatements(statements());
    }

    @Override
    public String toString() {
        return "StatementRecorder[" + statements().size() + " recorded]";
    }
}
