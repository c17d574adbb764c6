package io.valence.orm;

import java.util.List;

/**
 * A class is not mapped, or its mapping is invalid. Thrown by {@code SessionFactory.Builder.build()}
 * with every problem of the model at once, and at the call when an unmapped class or object is
 * handed to a session.
 */
public class MappingException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates an exception for a single problem.
     *
     * @param message what is wrong, with the class, the field and the fix
     */
    public MappingException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    private MappingException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception that reports several problems found while validating a model.
     *
     * @param problems each problem, naming class, field and fix
     * @return the exception, with a message that lists every problem
     */
    public static MappingException ofProblems(List<String> problems) {
        StringBuilder message = new StringBuilder()
                .append("The entity model has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append(':');
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return new MappingException(message.toString(), problems);
    }

    /**
     * Creates the exception for a class that this factory does not map.
     *
     * @param type the class that was handed in
     * @return the exception, saying how to register the class
     */
    public static MappingException notMapped(Class<?> type) {
        return new MappingException(type.getName()
                + " is not mapped by this SessionFactory; add it with SessionFactory.builder(…).entities("
                + type.getSimpleName() + ".class) or scanPackages(\"" + type.getPackageName() + "\"), and"
                + " make sure it is annotated with @jakarta.persistence.Entity");
    }

    /**
     * The problems found, one message each.
     *
     * @return an unmodifiable list with at least one element
     */
    public List<String> problems() {
        return problems;
    }
}
