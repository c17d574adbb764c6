package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * How {@code scalars} fetches follows the subscriber's demand, seen on the wire: asking for
 * everything reads the whole result in one exchange; asking in portions reads through a cursor, whose
 * slices and closing Sync are extra round trips (the paused-stream and cancel cases are in
 * {@code StreamingIT} and {@code StreamingSmallHeapIT}).
 */
@ValenceTest(entities = {Parent.class, Child.class})
class FetchByDemandIT {
    /**
     * The requests that reading ten new parents with this {@code value} sends, the stream shaped by
     * {@code read}, as the wire tap saw them.
     */
    private static List<WireTap.Request> requestsOf(
            IsolatedDatabase database, String value, Function<Flux<Parent>, Mono<List<Parent>>> read) throws Exception {
        ConnectionFactoryOptions direct = database.options();
        try (WireTap tap = WireTap.inFrontOf(direct, Duration.ZERO)) {
            ConnectionPool tapped = tap.onePool(direct);
            try {
                SessionFactory factory = SessionFactory.builder(tapped).entities(Parent.class, Child.class).build();
                Committed.rows(factory, IntStream.range(0, 10).mapToObj(i -> new Parent(value)).toList());
                tap.clear();
                StepVerifier.create(factory.withSession(session -> read.apply(session.scalars(Select.from(Parent.class).filterBy("value", value)))))
                        .assertNext(parents -> assertThat(parents).hasSize(10))
                        .expectComplete()
                        .verify(TIMEOUT);
                return tap.requests();
            } finally {
                tapped.disposeLater().block(TIMEOUT);
            }
        }
    }

    @Test
    void collectingAQueryReadsTheWholeResultInOneExchange(SessionFactory withSchema, IsolatedDatabase database)
            throws Exception {
        assertThat(requestsOf(database, "collected", Flux::collectList))
                .extracting(request -> request.sql().split(" ")[0], WireTap.Request::flushes)
                .containsExactly(tuple("BEGIN", 0), tuple("SELECT", 0), tuple("ROLLBACK", 0));
    }

    @Test
    void readingAQueryInPortionsFetchesThroughACursor(SessionFactory withSchema, IsolatedDatabase database)
            throws Exception {
        assertThat(requestsOf(database, "in-portions", parents -> parents.limitRate(3).collectList()))
                .extracting(request -> request.sql().split(" ")[0], WireTap.Request::flushes)
                .as("one slice (the ten rows fit in it), then Close and Sync in a round trip of their own")
                .containsExactly(tuple("BEGIN", 0), tuple("SELECT", 1), tuple("ROLLBACK", 0));
    }
}
