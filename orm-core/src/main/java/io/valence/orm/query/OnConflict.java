package io.valence.orm.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The step between {@link Insert#onConflict(String...)} (or
 * {@link Insert#onConflictOnConstraint(String)}) and the action to take on a conflict. Each
 * action returns the {@link Insert} with its {@code ON CONFLICT} clause complete.
 *
 * <pre>{@code
 * Insert.into(Storage.class).values(Map.of("key", "one", "value", "new"))
 *       .onConflict("key").doUpdate("value")   // ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
 *       .returning();
 * }</pre>
 *
 * @param <T> the entity type of the insert
 */
public final class OnConflict<T> {

    private final Insert<T> insert;
    private final ConflictTarget target;

    OnConflict(Insert<T> insert, ConflictTarget target) {
        this.insert = insert;
        this.target = target;
    }

    /**
     * On a conflict, updates the existing row with the proposed row's values of these properties
     * ({@code DO UPDATE SET value = EXCLUDED.value}): an upsert.
     *
     * @param properties property names, at least one, none repeated
     * @return the insert with this clause; the original insert is unchanged
     * @throws IllegalArgumentException if no property is given or one repeats
     */
    public Insert<T> doUpdate(String... properties) {
        Objects.requireNonNull(properties, "properties to update must not be null");
        return insert.withConflict(target, new ConflictAction.DoUpdate(Arrays.asList(properties)));
    }

    /**
     * On a conflict, updates the existing row with these values ({@code DO UPDATE SET value = $1}).
     *
     * @param assignments property names to values (null allowed), at least one
     * @return the insert with this clause; the original insert is unchanged
     * @throws IllegalArgumentException if {@code assignments} is empty
     */
    public Insert<T> doUpdateSet(Map<String, ?> assignments) {
        Map<String, Object> checked = PropertyNames.requireNamedValues(assignments, "conflict update assignments");
        return insert.withConflict(target, new ConflictAction.DoUpdateSet(checked));
    }

    /**
     * On a conflict, skips the row ({@code DO NOTHING}); skipped rows are not returned.
     *
     * @return the insert with this clause; the original insert is unchanged
     */
    public Insert<T> doNothing() {
        return insert.withConflict(target, new ConflictAction.DoNothing());
    }

    /**
     * The conflict target this step was made for.
     *
     * @return the target
     */
    public ConflictTarget target() {
        return target;
    }
}
