package io.valence.orm.reactive;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
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
 * Nothing is committed without {@code commit()}. Queries are in {@link ReactiveQueries}.
 */
public interface ReactiveSession extends ReactiveQueries {

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
