package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;

/**
 * What every transaction channel of one factory shares.
 *
 * @param connectionFactory where channels take connections (usually an r2dbc-pool)
 * @param acquireTimeout how long a channel waits for a connection before failing
 * @param beginSql the text that begins a transaction with the factory's limits ({@code BEGIN; SET LOCAL
 *     statement_timeout = …}), or {@code null} for a plain BEGIN through the driver
 * @param staleReplacements how many pooled connections that the server closed while idle an
 *     acquisition replaces before it gives up: one more than the pool holds, so a restart that
 *     closed every idle connection goes unseen
 * @param owner who begins, ends and releases the transaction: the session, or whoever opened it
 *     before the session joined it
 */
public record ChannelSettings(
        ConnectionFactory connectionFactory,
        Duration acquireTimeout,
        String beginSql,
        int staleReplacements,
        TransactionOwner owner) {

    /**
     * Checks a builder's duration setting is positive.
     *
     * @param setting the setting's name, for the message
     * @param timeout the duration
     * @return the duration
     */
    public static Duration positive(String setting, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, was " + timeout);
        }
        return timeout;
    }

    /**
     * Checks a builder's limit is at least a millisecond: PostgreSQL counts in milliseconds, and 0
     * would mean no limit.
     *
     * @param setting the setting's name, for the message
     * @param timeout the duration
     * @return the duration
     */
    public static Duration positiveMillis(String setting, Duration timeout) {
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1 ms (PostgreSQL counts in"
                    + " milliseconds, and 0 would mean no limit), was " + timeout);
        }
        return timeout;
    }

    /**
     * Settings whose transactions carry the given limits, set with {@code SET LOCAL} in the same
     * simple query as BEGIN, so they cost no round trip and end with the transaction.
     *
     * @param connectionFactory where channels take connections
     * @param acquireTimeout how long a channel waits for a connection
     * @param statementTimeout the longest a statement may run, or {@code null} for the server's setting
     * @param lockTimeout the longest a statement may wait for a lock, or {@code null} for the server's setting
     * @return the settings
     */
    public static ChannelSettings of(
            ConnectionFactory connectionFactory, Duration acquireTimeout, Duration statementTimeout, Duration lockTimeout) {
        int staleReplacements = PoolCapacity.maxSize(connectionFactory).orElse(1) + 1;
        if (statementTimeout == null && lockTimeout == null) {
            return new ChannelSettings(connectionFactory, acquireTimeout, null, staleReplacements, TransactionOwner.SESSION);
        }
        StringBuilder begin = new StringBuilder("BEGIN");
        // milliseconds as a number Valence computed: nothing of the user's text reaches the SQL
        if (statementTimeout != null) {
            begin.append("; SET LOCAL statement_timeout = ").append(statementTimeout.toMillis());
        }
        if (lockTimeout != null) {
            begin.append("; SET LOCAL lock_timeout = ").append(lockTimeout.toMillis());
        }
        return new ChannelSettings(
                connectionFactory, acquireTimeout, begin.toString(), staleReplacements, TransactionOwner.SESSION);
    }

    /**
     * Settings for a session that joins a transaction someone else opened and ends (Spring's
     * transaction manager): its connection comes from {@code transactionConnection}, and the channel
     * sends no BEGIN, COMMIT or ROLLBACK and never closes that connection.
     *
     * @param transactionConnection emits the connection on which the transaction is open
     * @return the settings
     */
    public ChannelSettings joining(ConnectionFactory transactionConnection) {
        return new ChannelSettings(transactionConnection, acquireTimeout, null, 0, TransactionOwner.EXTERNAL);
    }
}
