package io.valence.orm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Which relationships a {@link Select} loads together with its results, and how: a chain of
 * {@link LoadStep}s, each naming a relationship of the previous step's target. Start one with
 * {@link Load#joined(String)} or {@link Load#selectIn(String)} and pass it to
 * {@link Select#options(LoadOption...)}.
 *
 * <p>Relationships are never loaded implicitly; this is how a query asks for them, as SQLAlchemy's
 * {@code options(selectinload(Parent.children).joinedload(Child.parent))}:
 *
 * <pre>{@code
 * Select.from(Parent.class)
 *       .options(Load.selectIn("children").joined("parent")); // Parent.children, then Child.parent
 * }</pre>
 *
 * <p>Immutable; each chaining call returns a new option. Equality is structural.
 */
public final class LoadOption {

    private final List<LoadStep> steps;

    private LoadOption(List<LoadStep> steps) {
        this.steps = List.copyOf(steps);
    }

    static LoadOption of(LoadStep first) {
        return new LoadOption(List.of(first));
    }

    /**
     * Also loads {@code relationship} of the entities the last step loaded, in the same query as
     * them by a {@code LEFT OUTER JOIN}.
     *
     * @param relationship a relationship of the last step's target entity, such as {@code "parent"}
     * @return a new option with the step appended
     */
    public LoadOption joined(String relationship) {
        return append(new LoadStep(relationship, LoadStrategy.JOINED));
    }

    /**
     * Also loads {@code relationship} of the entities the last step loaded, by one more query for
     * all of them ({@code = ANY($1)}).
     *
     * @param relationship a relationship of the last step's target entity, such as {@code "children"}
     * @return a new option with the step appended
     */
    public LoadOption selectIn(String relationship) {
        return append(new LoadStep(relationship, LoadStrategy.SELECT_IN));
    }

    /**
     * The steps, first to last: the first names a relationship of the queried entity, each next
     * one a relationship of the previous one's target.
     *
     * @return an unmodifiable list with at least one step
     */
    public List<LoadStep> steps() {
        return steps;
    }

    private LoadOption append(LoadStep step) {
        List<LoadStep> longer = new ArrayList<>(steps);
        longer.add(step);
        return new LoadOption(longer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoadOption option && steps.equals(option.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return "LoadOption" + steps;
    }
}
