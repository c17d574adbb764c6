package io.valence.orm.reactive;

import io.valence.orm.query.Dml;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The queries a {@link ReactiveSession} runs from a query object: entity selects, projections,
 * hand-written SELECTs, keyset pages, counts and bulk DML. Each flushes the session's pending
 * changes first and, like every session operation, holds the session while it runs: one at a
 * time per session.
 */
public interface ReactiveQueries {

    /**
     * Streams the objects a query selects, with backpressure: rows are read as they are requested.
     * Pending changes are flushed first. Each row passes through the identity map: an object
     * already in the session is returned as it is, unless it was expired or the query asks for
     * {@link Select#populateExisting()}. The stream holds the session until it completes or is
     * cancelled; cancelling it leaves the session usable at once.
     *
     * @param select the query
     * @param <T> the entity type
     * @return a Flux of the objects
     */
    <T> Flux<T> scalars(Select<T> select);

    /**
     * Runs a query that must select exactly one row.
     *
     * @param select the query
     * @param <T> the entity type
     * @return a Mono of the object; errors with {@link io.valence.orm.NoResultException} when there
     *     is none and {@link io.valence.orm.MultipleResultsException} when there are several
     */
    <T> Mono<T> one(Select<T> select);

    /**
     * Runs a query that must select at most one row.
     *
     * @param select the query
     * @param <T> the entity type
     * @return a Mono of the object, empty when there is none; errors with
     *     {@link io.valence.orm.MultipleResultsException} when there are several
     */
    <T> Mono<T> oneOrNone(Select<T> select);

    /**
     * Streams the rows of a projection (chosen properties and aggregates, see
     * {@link io.valence.orm.query.Projection}) as records, tuples or single values, with
     * backpressure like {@link #scalars}: rows are read as they are requested, in one exchange for
     * an unbounded demand, through a cursor for a bounded one. Pending changes are flushed first.
     * No entity is loaded and the identity map is not involved. The stream holds the session until
     * it completes or is cancelled.
     *
     * @param projection the projection
     * @param <R> the row type
     * @return a Flux of the rows
     * @throws IllegalArgumentException at the call for an unknown property, an aggregate that does
     *     not fit its property's type, or a result type that cannot take the selections
     */
    <R> Flux<R> rows(Projection<R> projection);

    /**
     * Streams the rows of a SELECT written by hand ({@link io.valence.orm.query.NativeQuery}), with
     * backpressure like {@link #scalars}. Pending changes are flushed first. An entity query's rows
     * pass through the identity map: a row of an object already in the session returns that same
     * object, with its in-memory state, unless the query asks for
     * {@link io.valence.orm.query.NativeQuery#populateExisting()}. Other queries' rows become records,
     * tuples or values, matched by column label.
     *
     * @param query the query
     * @param <R> the row type
     * @return a Flux of the rows; errors with {@code IllegalArgumentException} when the result's columns
     *     do not fit (an entity column missing, a record component without a column)
     * @throws IllegalArgumentException at the call when a parameter is not bound or a binding has no
     *     parameter: nothing is sent
     * @throws io.valence.orm.MappingException at the call when an entity query's class is not mapped
     */
    <R> Flux<R> rows(NativeQuery<R> query);

    /**
     * Runs a projection that must select exactly one row, such as a total.
     *
     * @param projection the projection
     * @param <R> the row type
     * @return a Mono of the row; errors with {@link io.valence.orm.NoResultException} when there is
     *     none and {@link io.valence.orm.MultipleResultsException} when there are several
     */
    <R> Mono<R> one(Projection<R> projection);

    /**
     * Runs a projection that must select at most one row.
     *
     * @param projection the projection
     * @param <R> the row type
     * @return a Mono of the row, empty when there is none; errors with
     *     {@link io.valence.orm.MultipleResultsException} when there are several
     */
    <R> Mono<R> oneOrNone(Projection<R> projection);

    /**
     * Reads the first page of a keyset (seek) pagination: at most {@code size} objects in the query's
     * order, and the key of the last one when more rows follow ({@link Page#next()}).
     * One statement ({@code LIMIT size + 1}, the extra row only telling whether a next page exists);
     * rows pass through the identity map as with {@link #scalars}. The ordering must be unique: it ends
     * in the id or a unique NOT NULL column, and names the entity's own properties (any mix of
     * directions and nulls placements).
     *
     * @param select the query, ordered, without limit or offset
     * @param size the page size, at least 1
     * @param <T> the entity type
     * @return a Mono of the page
     * @throws IllegalArgumentException at the call when the ordering is not unique, goes through a
     *     relationship or names an aggregate, the query has a limit or offset, or the size is below 1
     */
    <T> Mono<Page<T>> page(Select<T> select, int size);

    /**
     * Reads the page that follows {@code after}: the rows the query's ordering puts after the key, as
     * {@link #page(Select, int)} reads the first. Rows added or removed meanwhile shift nothing: each row
     * is returned once while walking the pages, without OFFSET.
     *
     * @param select the query the key's page was read with
     * @param size the page size, at least 1
     * @param after the key of the previous page ({@link Page#next()})
     * @param <T> the entity type
     * @return a Mono of the page
     * @throws IllegalArgumentException at the call as {@link #page(Select, int)}, or when the key does
     *     not hold one value per order term
     */
    <T> Mono<Page<T>> page(Select<T> select, int size, PageKey after);

    /**
     * Counts the rows a query selects (its limit, offset, order and load options are ignored).
     *
     * @param select the query
     * @return a Mono of the count
     */
    Mono<Long> count(Select<?> select);

    /**
     * Runs an INSERT (with ON CONFLICT), bulk UPDATE or bulk DELETE. Pending changes are flushed
     * first. Rows the statement returns pass through the identity map and, unless the statement
     * opted out with {@code synchronizeSession(false)}, refresh the objects already in the session
     * (an upsert never leaves a stale object behind); rows a DELETE removed leave the session.
     * Cancelled while it runs, the statement may or may not have changed rows: the session then asks
     * for {@link ReactiveSession#rollback()}, as after a cancelled flush.
     *
     * @param dml the statement
     * @param <T> the entity type
     * @return a Flux of the affected objects when the statement asked for {@code returning()}, else empty
     * @throws IllegalArgumentException at the call for unknown properties
     */
    <T> Flux<T> execute(Dml<T> dml);
}
