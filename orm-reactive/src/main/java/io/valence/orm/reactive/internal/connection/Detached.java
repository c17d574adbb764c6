package io.valence.orm.reactive.internal.connection;

import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a connection call on its own subscription, so that cancelling whoever waits for it only
 * stops the wait: used where stopping halfway would leave the connection in an unknown state
 * (BEGIN, COMMIT, giving the connection back).
 */
final class Detached {
    private Detached() {}

    /**
     * Subscribes {@code call} now.
     *
     * @param call the connection call
     * @param ended told of the outcome (null on success) before anyone waiting hears of it
     * @param outcome where waiters hear of the outcome; created by the caller, who may have to
     *     publish it before the call can answer
     */
    static void run(Mono<Void> call, Consumer<Throwable> ended, Sinks.Empty<Void> outcome) {
        call.subscribe(null, error -> {
            ended.accept(error);
            outcome.tryEmitError(error);
        }, () -> {
            ended.accept(null);
            outcome.tryEmitEmpty();
        });
    }
}
