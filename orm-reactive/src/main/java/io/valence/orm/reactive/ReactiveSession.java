package io.valence.orm.reactive;

import io.valence.orm.query.Dml;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A unit of work over one database connection: an identity map (one object per row), automatic
 * dirty tracking, dependency-ordered and batched flush, and an explicit commit.
 *
 * <p>A session allows one operation at a time. Subscribing to a second operation while one is in
 * flight fails at once with {@link io.valence.orm.ConcurrentSessionUseException} and leaves the
 * first undisturbed; use one session per concurrent task ({@link SessionFactory#fanOut}).
 * Bookkeeping methods ({@link #add}, {@link #delete}, …) do no I/O and return plain values.
 *
 * <p>The connection is taken from the pool when first needed, a transaction begins with the first
 * statement (its BEGIN goes out together with that statement, costing no round trip of its own),
 * and the connection goes back at {@link #commit()}, {@link #rollback()} or {@link #close()}.
 * Nothing is committed without {@code commit()}.
 */
public interface ReactiveSession {

    /**
     * Loads an object by primary key. An object already in the session is returned as it is and
     * costs no statement; otherwise pending changes are flushed and one SELECT runs.
     *
     * @param type a mapped class
     * @param id the primary key, of the id field's type (a {@code Long} id also accepts any integral
     *     number); for a composite key, an instance of the {@code @IdClass} or of the
     *     {@code @EmbeddedId}'s class with every part set
     * @param <T> the entity type
     * @return a Mono of the object, empty when no row has that id
     * @throws io.valence.orm.MappingException at the call when the class is not mapped
     * @throws IllegalArgumentException at the call when the id has the wrong type, or a composite key
     *     has a {@code null} part
     */
    <T> Mono<T> get(Class<T> type, Object id);

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
     *
     * @param dml the statement
     * @param <T> the entity type
     * @return a Flux of the affected objects when the statement asked for {@code returning()}, else empty
     * @throws IllegalArgumentException at the call for unknown properties
     */
    <T> Flux<T> execute(Dml<T> dml);

    /**
     * Runs work inside a SAVEPOINT: released when the work succeeds (its changes flushed first),
     * rolled back to when it fails. A failure undoes only the work's part, in the database and in
     * the session; the transaction and the session's other work stay intact. Session operations
     * inside the work are used one at a time, as anywhere.
     *
     * @param work the work, given this session
     * @param <T> the result type
     * @return a Mono of the work's result
     */
    <T> Mono<T> nested(Function<ReactiveSession, Mono<T>> work);

    /**
     * Django's {@code get_or_create}, race-safe: selects the row matching {@code lookup}; when there
     * is none, inserts one from {@code lookup} and {@code defaults}. Concurrent sessions on the same
     * lookup create exactly one row, and exactly one of them reports {@code created}; the others get
     * the winner's row. With a unique constraint covering the lookup, the race is decided by
     * {@code INSERT … ON CONFLICT DO NOTHING}; without one, by a transaction-scoped advisory lock on
     * the lookup, which makes creators of the same lookup wait for each other's commit.
     *
     * @param type a mapped class
     * @param lookup property values identifying the row
     * @param defaults further property values for a new row
     * @param <T> the entity type
     * @return a Mono of the object and whether this call created it; errors with
     *     {@link io.valence.orm.MultipleResultsException} when several rows match the lookup
     */
    <T> Mono<GetOrCreate<T>> getOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> defaults);

    /**
     * Django's {@code update_or_create}: as {@link #getOrCreate}, then, when the row existed, sets
     * {@code values} on it and flushes.
     *
     * @param type a mapped class
     * @param lookup property values identifying the row
     * @param values property values to set (on an existing row) or insert (with the lookup)
     * @param <T> the entity type
     * @return a Mono of the object and whether this call created it
     */
    <T> Mono<GetOrCreate<T>> updateOrCreate(Class<T> type, Map<String, ?> lookup, Map<String, ?> values);

    /**
     * Makes a new object pending; it is inserted at the next flush. New objects its relationships
     * refer to are added with it (cascade), in both directions. Adding a deleted object undoes the
     * delete. No I/O.
     *
     * @param entity an instance of a mapped class
     * @throws io.valence.orm.MappingException when its class is not mapped
     * @throws io.valence.orm.ConcurrentSessionUseException when an operation is in flight
     * @throws IllegalArgumentException when its composite key has a {@code null} part (parts are
     *     assigned by the application)
     */
    void add(Object entity);

    /**
     * Adds several objects, as {@link #add} does each.
     *
     * @param entities instances of mapped classes
     */
    void addAll(Collection<?> entities);

    /**
     * Marks an object for deletion at the next flush, with what its {@code cascade = REMOVE}
     * relationships hold. A pending object is simply not inserted. No I/O.
     *
     * @param entity an object of this session
     * @throws IllegalArgumentException when the object is not in this session
     */
    void delete(Object entity);

    /**
     * Sends pending inserts, updates and deletes to the database without committing, in an order
     * that satisfies foreign keys, batched per table. A failed flush rolls the transaction back; the
     * session then fails with {@link io.valence.orm.PendingRollbackException} until {@link #rollback()}.
     *
     * @return a Mono that completes when the statements ran
     */
    Mono<Void> flush();

    /**
     * Flushes, commits, and returns the connection to the pool. The session stays usable; its
     * objects keep their state.
     *
     * @return a Mono that completes after COMMIT
     */
    Mono<Void> commit();

    /**
     * Rolls the transaction back and returns the connection. Objects added or inserted in the
     * transaction leave the session, deleted ones come back, and every other object is expired
     * (its next get or query reloads it). Also clears a pending-rollback state.
     *
     * @return a Mono that completes after ROLLBACK
     */
    Mono<Void> rollback();

    /**
     * Rolls back what was not committed, returns the connection and forgets every object. Further
     * use fails with {@link io.valence.orm.SessionClosedException}. Closing twice is harmless.
     *
     * @return a Mono that completes when the connection is released
     */
    Mono<Void> close();

    /**
     * Reloads an object from its row, overwriting its in-memory state (unflushed changes included).
     *
     * @param entity a persistent object of this session
     * @param <T> the entity type
     * @return a Mono of the same object; errors with {@link io.valence.orm.StaleObjectException}
     *     when its row is gone
     */
    <T> Mono<T> refresh(T entity);

    /**
     * Marks an object expired: the next get or query that reaches its row reloads its state. No I/O.
     *
     * @param entity a persistent object of this session
     * @param <T> the entity type
     */
    <T> void expire(T entity);

    /**
     * Detaches an object: the session forgets it, and its changes are no longer tracked. No I/O.
     *
     * @param entity an object of this session
     * @param <T> the entity type
     */
    <T> void expunge(T entity);

    /**
     * Copies a detached object's state onto the session's object for the same row (loading it if
     * needed), or adds a copy as new when it has no row. The argument is never attached.
     *
     * @param detached an object not tracked by this session
     * @param <T> the entity type
     * @return a Mono of the session's object
     */
    <T> Mono<T> merge(T detached);

    /**
     * Loads a relationship of one object that was not loaded, or reloads it, with one statement
     * (pending changes are flushed first). This is the explicit form of lazy loading: Valence never
     * loads a relationship implicitly.
     *
     * @param entity a persistent object of this session
     * @param relationship the relationship's property name
     * @param <T> the entity type
     * @return a Mono of the same object, with the relationship loaded
     * @throws IllegalArgumentException at the call when the object is not persistent here or has no such relationship
     */
    <T> Mono<T> fetch(T entity, String relationship);

    /**
     * Whether the object is pending, persistent or marked deleted in this session.
     *
     * @param entity any object
     * @return {@code true} when tracked
     */
    boolean contains(Object entity);

    /**
     * Whether a relationship of an object holds what the database holds. Valence never loads a
     * relationship implicitly: touching an unloaded collection throws
     * {@link io.valence.orm.RelationshipNotLoadedException}, and an unloaded to-one reads as {@code null}
     * (its foreign key is kept).
     *
     * @param entity an object of this session
     * @param relationship the relationship's property name
     * @return {@code true} when loaded
     */
    boolean isLoaded(Object entity, String relationship);
}
