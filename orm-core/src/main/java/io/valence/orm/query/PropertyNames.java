package io.valence.orm.query;

import jakarta.persistence.metamodel.Attribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the property names and paths given to the builders of this package, so that a typo
 * such as {@code "parent..value"} or a blank name fails at the call that made it. Whether a name
 * exists on the entity is decided later, against the mapping.
 */
final class PropertyNames {

    private PropertyNames() {}

    /** Returns {@code path} if it is a property name or a dotted path of property names. */
    static String requirePath(String path, String role) {
        requireText(path, role);
        for (String segment : path.split("\\.", -1)) {
            if (!isJavaIdentifier(segment)) {
                throw new IllegalArgumentException(role + " '" + path + "' is not a property path: it must be"
                        + " Java field names separated by dots, such as \"value\" or \"parent.value\"");
            }
        }
        return path;
    }

    /**
     * The name of a JPA static metamodel attribute ({@code Child_.value} is {@code "value"}); a null one
     * means the metamodel class was not filled yet.
     */
    static String nameOf(Attribute<?, ?> attribute) {
        if (attribute == null) {
            throw new IllegalArgumentException("a JPA static metamodel attribute is null: its fields are filled when a"
                    + " SessionFactory mapping its entity is built (as a JPA provider fills them at start-up); build"
                    + " the factory before building queries from the metamodel, or name the property as a string");
        }
        return requireName(attribute.getName(), "attribute name");
    }

    /** Returns {@code name} if it is a single property name (no dots). */
    static String requireName(String name, String role) {
        requireText(name, role);
        if (!isJavaIdentifier(name)) {
            throw new IllegalArgumentException(role + " '" + name + "' is not a property name: it must be the"
                    + " Java field name of a property of the entity itself, such as \"value\"");
        }
        return name;
    }

    /** Returns the names as an unmodifiable list, if there is at least one and none repeats. */
    static List<String> requireDistinctNames(String[] names, String role) {
        Objects.requireNonNull(names, role + "s must not be null");
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one " + role + " is needed");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> checked = new ArrayList<>(names.length);
        for (String name : names) {
            if (!seen.add(requireName(name, role))) {
                throw new IllegalArgumentException(role + " '" + name + "' is given twice");
            }
            checked.add(name);
        }
        return List.copyOf(checked);
    }

    /**
     * Returns an unmodifiable copy of {@code values} in its iteration order, if it has at least
     * one entry and every key is a property name; values may be null.
     */
    static Map<String, Object> requireNamedValues(Map<String, ?> values, String role) {
        Objects.requireNonNull(values, role + " must not be null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException(role + " must name at least one property");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(requireName(name, "property name in " + role), value));
        return Collections.unmodifiableMap(copy);
    }

    /** A dotted path as one camel-case name: {@code "customer.name"} is {@code customerName}. */
    static String camelCase(String path) {
        StringBuilder name = new StringBuilder();
        for (String segment : path.split("\\.")) {
            name.append(name.length() == 0 ? segment : Character.toUpperCase(segment.charAt(0)) + segment.substring(1));
        }
        return name.toString();
    }

    private static void requireText(String text, String role) {
        Objects.requireNonNull(text, role + " must not be null");
        if (text.isBlank()) {
            throw new IllegalArgumentException(role + " must not be blank");
        }
    }

    private static boolean isJavaIdentifier(String candidate) {
        if (candidate.isEmpty() || !Character.isJavaIdentifierStart(candidate.codePointAt(0))) {
            return false;
        }
        return candidate.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
