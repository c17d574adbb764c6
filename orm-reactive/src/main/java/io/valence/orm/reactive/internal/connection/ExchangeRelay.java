package io.valence.orm.reactive.internal.connection;

import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import io.r2dbc.spi.Readable;
import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.reactive.internal.execution.Relay;
import io.valence.orm.reactive.internal.execution.DriverValues;
import io.valence.orm.reactive.internal.execution.RowGate;
import io.valence.orm.reactive.internal.execution.StatementTarget;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Relays one statement's exchange (its results and rows) to the operation that runs it, and keeps
 * the operation's cancel from reaching r2dbc-postgresql 1.1.1 where the driver leaks buffers on
 * it. A cancel marks the exchange once the row being mapped, if any, is loaded: the reader maps no
 * more rows ({@link RowGate}), so no object is loaded after the operation ended, and then:
 * <ul>
 *   <li>before the driver answered anything, the cancel waits for the first answer, which proves
 *       the statement was written: the driver encodes bind values into buffers when the exchange
 *       is subscribed and frees them only when it writes the statement, so a cancel that overtakes
 *       the write (a timeout from a timer thread) leaks them (its issue #734);</li>
 *   <li>on a result read whole (an unbounded demand), the rest is read and dropped unread instead
 *       of cancelled: the driver would read it all anyway, but its own cancel path leaks the rows
 *       it had queued (its issue #580);</li>
 *   <li>on a cursor (a bounded demand), the exchange is cancelled, which closes the portal; the
 *       rows the driver had queued are then dropped through Reactor's discard hook, which the
 *       driver does not set at that point of its chain (its issue #580 again): this relay's
 *       context sets it, and releases what is discarded after its cancel.</li>
 * </ul>
 * A cancel before the exchange ended also tells the lease that the statement may still run on the
 * server, so that a rollback cancels it there (see {@link LeasedConnection#rollbackTransaction()}).
 *
 * @param <T> the element type
 */
final class ExchangeRelay<T> extends Relay<T> implements RowGate {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRelay.class);
    private final LeasedConnection lease;
    private volatile boolean cancelled;
    private volatile boolean answered;
    private volatile boolean ended;
    /** Whether the operation asked for every row at once, so the driver reads the whole result regardless. */
    private volatile boolean unbounded;

    /** The operation's context with the discard hook, made once: operators ask for it as they subscribe. */
    private Context context;

    ExchangeRelay(CoreSubscriber<? super T> actual, LeasedConnection lease) {
        super(actual);
        this.lease = lease;
    }

    @Override
    public Context currentContext() {
        Context current = context;
        if (current == null) {
            current = Operators.enableOnDiscard(actual.currentContext(), this::discarded);
            context = current;
        }
        return current;
    }

    /**
     * Releases a buffer the driver dropped after this exchange was cancelled. Before the cancel the
     * driver discards messages it released itself (its {@code handle} steps), so nothing is touched
     * then; a buffer already released is skipped either way.
     */
    private void discarded(Object element) {
        if (cancelled && element instanceof ReferenceCounted counted && counted.refCnt() > 0) {
            ReferenceCountUtil.safeRelease(counted);
        }
    }

    /** Maps a row under this relay's lock, which a cancel takes too: see {@link RowGate}. */
    @Override
    @SuppressWarnings("unchecked")
    public synchronized <R> R map(Readable row, Function<ResultRow, R> mapper) {
        return cancelled ? (R) StatementTarget.UNREAD : mapper.apply(DriverValues.reader(row));
    }

    @Override
    public void onNext(T value) {
        answered = true;
        if (cancelled) {
            if (!unbounded) {
                super.cancel();
            }
            Operators.onDiscard(value, actual.currentContext());
            return;
        }
        if (value != StatementTarget.UNREAD) {
            actual.onNext(value);
        }
    }

    @Override
    public void onError(Throwable error) {
        end();
        if (cancelled) {
            // expected: the statement was abandoned, and usually cancelled on the server since
            LOG.debug("A statement abandoned by its operation ended with an error", error);
        } else {
            actual.onError(error);
        }
    }

    @Override
    public void onComplete() {
        end();
        if (!cancelled) {
            actual.onComplete();
        }
    }

    private void end() {
        answered = true;
        ended = true;
        lease.exchangeEnded();
    }

    @Override
    public void request(long n) {
        if (n == Long.MAX_VALUE) {
            unbounded = true;
        }
        super.request(n);
    }

    @Override
    public void cancel() {
        synchronized (this) {
            cancelled = true; // after the row being mapped, if any: the session's next operation may start now
        }
        if (!ended) {
            lease.exchangeAbandoned();
        }
        if (unbounded) {
            return; // the rest of the result is read and dropped unread
        }
        if (answered) {
            super.cancel();
        } else {
            super.request(1); // a row or the end proves the statement was written; it is dropped unread
        }
    }
}
