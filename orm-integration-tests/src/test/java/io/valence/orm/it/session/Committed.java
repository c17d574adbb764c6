package io.valence.orm.it.session;

import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Set-up: objects written and committed by a session of their own, so a test starts from rows in the database. */
final class Committed {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Committed() {}

    /**
     * Adds the objects in a session of their own and commits.
     *
     * @return the same objects, ids assigned
     */
    static <T> List<T> rows(SessionFactory factory, List<T> objects) {
        factory.inTransaction(session -> {
            session.addAll(objects);
            return Mono.empty();
        }).block(TIMEOUT);
        return objects;
    }

    /** Adds one object in a session of its own, commits, and returns its id as read by {@code id}. */
    static <T, I> I row(SessionFactory factory, T object, Function<T, I> id) {
        rows(factory, List.of(object));
        return id.apply(object);
    }
}
