package io.valence.orm.reactive.internal.session;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.valence.orm.internal.flush.FlushPlan;
import io.valence.orm.internal.flush.FlushStatements;
import io.valence.orm.internal.flush.FlushStep;
import io.valence.orm.reactive.internal.execution.StatementCounter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wraps a factory's sessions, flushes, queries and commits in Micrometer observations, which Spring
 * Boot turns into timers, counters and trace spans:
 *
 * <ul>
 *   <li>{@code valence.session} ({@code withSession}, {@code inTransaction}), low-cardinality
 *       {@code valence.work};
 *   <li>{@code valence.flush}, with the rows and statements of each table as high-cardinality
 *       {@code valence.flush.rows.<table>} and {@code valence.flush.statements.<table>};
 *   <li>{@code valence.query}, low-cardinality {@code valence.operation} ({@code scalars},
 *       {@code one}, …) and {@code valence.entity}, the rows it emitted as {@code valence.rows};
 *   <li>{@code valence.commit}.
 * </ul>
 *
 * Each carries a low-cardinality {@code valence.outcome} (success, error, cancelled), and counts the
 * statements sent under it, innermost observation first (an autoflush's count for its flush, not
 * its query): an event {@code statements} per statement (Boot's counter {@code valence.flush.statements},
 * …) and the total as high-cardinality {@code valence.statements}. An observation's parent is the one
 * in the subscriber's Reactor context (a WebFlux request's, for instance). With the noop registry (the
 * default) publishers are returned unwrapped.
 */
final class SessionObservations {
    /** Where Micrometer and Spring keep the current observation in a Reactor context ({@code ObservationThreadLocalAccessor.KEY}). */
    private static final String CURRENT = "micrometer.observation";
    private static final Observation.Event STATEMENT = Observation.Event.of("statements");

    private final ObservationRegistry registry;

    SessionObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    <T> Mono<T> session(String work, Mono<T> session) {
        if (registry.isNoop()) {
            return session;
        }
        return observe("valence.session", observation -> observation.lowCardinalityKeyValue("valence.work", work),
                false, session.flux()).singleOrEmpty();
    }

    Mono<Void> flush(FlushPlan plan, Mono<Void> flush) {
        if (registry.isNoop()) {
            return flush;
        }
        return observe("valence.flush", observation -> describe(plan, observation), false, flush.flux()).then();
    }

    <T> Flux<T> query(String operation, Class<?> entity, Flux<T> query) {
        return observe("valence.query", observation -> observation
                        .lowCardinalityKeyValue("valence.operation", operation)
                        .lowCardinalityKeyValue("valence.entity", entity.getSimpleName()),
                true, query);
    }

    <T> Mono<T> query(String operation, Class<?> entity, Mono<T> query) {
        if (registry.isNoop()) {
            return query;
        }
        return query(operation, entity, query.flux()).singleOrEmpty();
    }

    Mono<Void> commit(Mono<Void> commit) {
        if (registry.isNoop()) {
            return commit;
        }
        return observe("valence.commit", observation -> { }, false, commit.flux()).then();
    }

    /** Rows and statements per table, as the plan will send them. */
    private static void describe(FlushPlan plan, Observation observation) {
        Map<String, long[]> tables = new TreeMap<>();
        for (FlushStep step : plan.steps()) {
            long[] counts = tables.computeIfAbsent(step.mapping().table(), table -> new long[2]);
            counts[0] += step.rows().size();
            counts[1] += FlushStatements.statementCount(step);
        }
        tables.forEach((table, counts) -> observation
                .highCardinalityKeyValue("valence.flush.rows." + table, Long.toString(counts[0]))
                .highCardinalityKeyValue("valence.flush.statements." + table, Long.toString(counts[1])));
    }

    /** Observes each subscription to {@code source}; {@code countRows} adds the elements it emitted as {@code valence.rows}. */
    private <T> Flux<T> observe(String name, Consumer<Observation> describe, boolean countRows, Flux<T> source) {
        if (registry.isNoop()) {
            return source;
        }
        return Flux.deferContextual(context -> {
            Observation observation = Observation.createNotStarted(name, registry)
                    .parentObservation(context.getOrDefault(CURRENT, null));
            describe.accept(observation);
            AtomicLong statements = new AtomicLong();
            AtomicLong rows = new AtomicLong();
            StatementCounter counter = () -> {
                statements.incrementAndGet();
                observation.event(STATEMENT);
            };
            observation.start();
            Flux<T> counted = countRows ? source.doOnNext(row -> rows.incrementAndGet()) : source;
            // Stopped before the terminal signal travels on (not in doFinally, which runs after it), so
            // whoever waits for the publisher finds every observation under it already stopped.
            Consumer<String> stop = outcome -> {
                observation.lowCardinalityKeyValue("valence.outcome", outcome)
                        .highCardinalityKeyValue("valence.statements", Long.toString(statements.get()));
                if (countRows) {
                    observation.highCardinalityKeyValue("valence.rows", Long.toString(rows.get()));
                }
                observation.stop();
            };
            return counted
                    .doOnComplete(() -> stop.accept("success"))
                    .doOnError(error -> {
                        observation.error(error);
                        stop.accept("error");
                    })
                    .doOnCancel(() -> stop.accept("cancelled"))
                    .contextWrite(inner -> inner.put(CURRENT, observation).put(StatementCounter.class, counter));
        });
    }
}
