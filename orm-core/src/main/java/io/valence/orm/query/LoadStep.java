package io.valence.orm.query;

import java.util.Objects;

/**
 * One step of a {@link LoadOption}: a relationship of the previous step's target entity (of the
 * queried entity, for the first step) and how to load it.
 *
 * @param relationship the relationship's property name, such as {@code "children"}; no dots
 * @param strategy how to load it
 */
public record LoadStep(String relationship, LoadStrategy strategy) {

    /**
     * Checks the relationship name and that the strategy is present.
     *
     * @param relationship the relationship property name; no dots
     * @param strategy how to load it
     */
    public LoadStep {
        Objects.requireNonNull(relationship, "relationship must not be null");
        if (relationship.contains(".")) {
            throw new IllegalArgumentException("relationship '" + relationship + "' is a path; name one relationship"
                    + " per step and chain the steps, for example Load.selectIn(\"children\").joined(\"parent\")");
        }
        PropertyNames.requireName(relationship, "relationship");
        Objects.requireNonNull(strategy, "strategy must not be null");
    }
}
