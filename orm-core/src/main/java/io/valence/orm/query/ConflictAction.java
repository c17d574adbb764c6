package io.valence.orm.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Insert} does with a row that conflicts with an existing one: the
 * {@code DO NOTHING} or {@code DO UPDATE SET …} of PostgreSQL's {@code ON CONFLICT}, chosen on
 * the step {@link Insert#onConflict(String...)} returns.
 */
public sealed interface ConflictAction
        permits ConflictAction.DoNothing, ConflictAction.DoUpdate, ConflictAction.DoUpdateSet {

    /** Skips the conflicting row: {@code DO NOTHING}. It is not returned by {@code RETURNING}. */
    record DoNothing() implements ConflictAction {}

    /**
     * Updates the existing row with the proposed row's values of these properties:
     * {@code DO UPDATE SET value = EXCLUDED.value}.
     *
     * @param properties the property names, at least one, none repeated
     */
    record DoUpdate(List<String> properties) implements ConflictAction {
        /**
         * Checks and copies the property names.
         *
         * @param properties the property names, at least one, none repeated; copied
         */
        public DoUpdate {
            Objects.requireNonNull(properties, "properties to update must not be null");
            properties = PropertyNames.requireDistinctNames(properties.toArray(String[]::new), "property to update");
        }
    }

    /**
     * Updates the existing row with these values: {@code DO UPDATE SET value = $1}.
     *
     * @param assignments property names to values (null allowed), at least one; copied in order
     */
    record DoUpdateSet(Map<String, Object> assignments) implements ConflictAction {
        /**
         * Checks and copies the assignments.
         *
         * @param assignments property names to values, at least one; copied
         */
        public DoUpdateSet {
            assignments = PropertyNames.requireNamedValues(assignments, "conflict update assignments");
        }
    }
}
