package io.valence.orm.testkit;

/** What a recorded statement does, judged from its leading keyword (the main one after a {@code WITH}). */
public enum StatementKind {
    /** {@code SELECT}, {@code VALUES} or {@code TABLE}. */
    SELECT,
    /** {@code INSERT}. */
    INSERT,
    /** {@code UPDATE}. */
    UPDATE,
    /** {@code DELETE}. */
    DELETE,
    /** {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE} or {@code COMMENT}. */
    DDL,
    /**
     * Transaction control, whether sent as SQL ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK},
     * {@code SAVEPOINT}, …) or through {@code Connection.beginTransaction()} and its siblings.
     */
    TRANSACTION,
    /** Anything else ({@code SET}, {@code LOCK}, {@code MERGE}, …). */
    OTHER
}
