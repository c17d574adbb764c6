package io.valence.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link Insert}'s {@code ON CONFLICT} clause watches: a unique set of properties or a
 * named constraint. Made by {@link Insert#onConflict(String...)} and
 * {@link Insert#onConflictOnConstraint(String)}.
 */
public sealed interface ConflictTarget permits ConflictTarget.Properties, ConflictTarget.Constraint {

    /**
     * A conflict on the unique index or constraint over these properties: {@code ON CONFLICT (key)}.
     *
     * @param properties the property names, at least one, none repeated
     */
    record Properties(List<String> properties) implements ConflictTarget {
        /**
         * Checks and copies the property names.
         *
         * @param properties the property names, at least one, none repeated; copied
         */
        public Properties {
            Objects.requireNonNull(properties, "conflict properties must not be null");
            properties = PropertyNames.requireDistinctNames(properties.toArray(String[]::new), "conflict property");
        }
    }

    /**
     * A conflict on the named constraint: {@code ON CONFLICT ON CONSTRAINT name}.
     *
     * @param name the constraint name as the database knows it
     */
    record Constraint(String name) implements ConflictTarget {
        /**
         * Checks that the name is present and not blank.
         *
         * @param name the constraint name
         */
        public Constraint {
            Objects.requireNonNull(name, "constraint name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("constraint name must not be blank");
            }
        }
    }
}
