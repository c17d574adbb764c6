package io.valence.examples.webflux;

import io.valence.examples.webflux.model.Child;
import io.valence.examples.webflux.model.Parent;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON shapes of {@code POST /parents}: the request, and the response built from the entities in
 * the session (children sorted by id). {@code GET /parents} answers with the entities themselves, in
 * the same shape plus each child's {@code parent} reference.
 */
final class ParentViews {
    private ParentViews() {}

    /**
     * The body of {@code POST /parents}.
     *
     * @param value the parent's value, 1 to 50 characters
     * @param children the children's values, each 1 to 50 characters
     */
    record NewParent(String value, List<String> children) {
        NewParent {
            requireValue("value", value);
            children = children == null ? List.of() : List.copyOf(children);
            children.forEach(child -> requireValue("each of children", child));
        }

        private static void requireValue(String field, String text) {
            if (text == null || text.isBlank() || text.length() > 50) {
                throw new IllegalArgumentException(field + " must be 1 to 50 characters, was "
                        + (text == null ? "missing" : "\"" + text + "\""));
            }
        }
    }

    /**
     * A parent with its children, ordered by id.
     *
     * @param id the parent's id
     * @param value its value
     * @param children its children
     */
    record ParentView(long id, String value, List<ChildView> children) {
        static ParentView of(Parent parent) {
            return new ParentView(parent.id, parent.value, parent.children.stream()
                    .sorted(Comparator.comparing((Child child) -> child.id))
                    .map(ChildView::of)
                    .toList());
        }
    }

    /**
     * A child.
     *
     * @param id its id
     * @param value its value
     */
    record ChildView(long id, String value) {
        static ChildView of(Child child) {
            return new ChildView(child.id, child.value);
        }
    }
}
