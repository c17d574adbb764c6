package io.valence.orm.reactive;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The outcome of one branch of {@link SessionFactory#fanOutSettled}: a value or an error, like
 * {@code asyncio.gather(..., return_exceptions=True)}.
 *
 * @param <T> the value type
 */
public final class Settled<T> {
    private final T value;
    private final Throwable error;

    private Settled(T value, Throwable error) {
        this.value = value;
        this.error = error;
    }

    /**
     * A branch that succeeded.
     *
     * @param value its value, possibly {@code null} when the branch completed empty
     * @param <T> the value type
     * @return the outcome
     */
    public static <T> Settled<T> success(T value) {
        return new Settled<>(value, null);
    }

    /**
     * A branch that failed.
     *
     * @param error why
     * @param <T> the value type
     * @return the outcome
     */
    public static <T> Settled<T> failure(Throwable error) {
        return new Settled<>(null, Objects.requireNonNull(error, "error"));
    }

    /** @return whether the branch succeeded */
    public boolean isSuccess() {
        return error == null;
    }

    /**
     * The branch's value.
     *
     * @return the value ({@code null} when the branch completed empty)
     * @throws NoSuchElementException when the branch failed; its error is the cause
     */
    public T value() {
        if (error != null) {
            throw new NoSuchElementException("The branch failed, so it has no value: " + error);
        }
        return value;
    }

    /**
     * The branch's error.
     *
     * @return the error, or {@code null} when it succeeded
     */
    public Throwable error() {
        return error;
    }

    @Override
    public String toString() {
        return isSuccess() ? "Settled[success: " + value + "]" : "Settled[failure: " + error + "]";
    }
}
