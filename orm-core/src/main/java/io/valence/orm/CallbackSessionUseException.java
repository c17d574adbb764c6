package io.valence.orm;

/**
 * A lifecycle callback ({@code @PrePersist}, {@code @PostLoad}, …) used the session: callbacks run in
 * the middle of {@code add()}, {@code delete()}, a flush or a load, so, as in JPA, they may change
 * the entity's own fields but may not call the session (no statement, no add or delete). Do that
 * work after the operation, in the code that started it.
 */
public class CallbackSessionUseException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String callback;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity or statement, and what to do
     * @param callback the callback that was running, e.g. {@code @PrePersist Customer.onCreate() on Customer#7}
     */
    public CallbackSessionUseException(String message, String callback) {
        super(message);
        this.callback = callback;
    }

    /**
     * The error for a session operation called from inside a callback.
     *
     * @param operation the session operation, e.g. {@code get()}
     * @param callback the callback that was running
     * @return the exception
     */
    public static CallbackSessionUseException inside(String operation, String callback) {
        return new CallbackSessionUseException(operation + " was called from inside the lifecycle callback " + callback
                + "; callbacks run in the middle of a session operation and may only change the entity's own fields."
                + " Call the session after that operation instead (after add(), delete() or flush() returned)",
                callback);
    }

    /**
     * The callback that was running.
     *
     * @return e.g. {@code @PrePersist Customer.onCreate() on Customer (pending, no id)}
     */
    public String callback() {
        return callback;
    }
}
