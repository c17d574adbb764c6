package io.valence.orm.reactive.internal.execution;

/**
 * Counts the statements sent on behalf of one observed operation (a flush, a query, a commit). The
 * operation puts its counter in the Reactor context of the publisher it observes; the
 * {@link StatementRunner} tells the nearest one about each statement it sends.
 */
@FunctionalInterface
public interface StatementCounter {
    /** One statement was sent. */
    void statementSent();
}
