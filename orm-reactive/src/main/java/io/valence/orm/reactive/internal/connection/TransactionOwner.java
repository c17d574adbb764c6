package io.valence.orm.reactive.internal.connection;

/** Who begins, ends and releases the transaction a session's channel works in. */
public enum TransactionOwner {
    /**
     * The session: it takes a connection when first needed, sends BEGIN with its first statement,
     * COMMIT or ROLLBACK at its end, and gives the connection back.
     */
    SESSION,
    /**
     * Whoever opened the transaction before the session joined it (Spring's transaction manager):
     * the transaction is open when the session first uses the connection, and its owner commits or
     * rolls it back and releases the connection; the session only sends statements and savepoints.
     */
    EXTERNAL
}
