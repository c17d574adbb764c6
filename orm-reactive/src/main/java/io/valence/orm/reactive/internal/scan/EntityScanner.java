package io.valence.orm.reactive.internal.scan;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds every class annotated with {@code @jakarta.persistence.Entity} (and every
 * {@code @jakarta.persistence.Converter}) in given packages and their subpackages, in directories
 * and jars alike, for {@code scanPackages(…)}.
 *
 * <p>Scanning uses ClassGraph because it is maintained and reads directories, jars (with or without
 * directory entries), nested jars such as Spring Boot's and the module path correctly. Hand-written
 * scanning over {@code ClassLoader.getResources} misses classes in several of those cases, and each miss
 * would surface later as a confusing "not among this factory's entities".
 */
public final class EntityScanner {
    private static final Pattern PACKAGE_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private EntityScanner() {}

    /**
     * What a scan found.
     *
     * @param entities the entity classes, sorted by name
     * @param converters the {@code @Converter} classes, sorted by name
     */
    public record Found(List<Class<?>> entities, List<Class<?>> converters) {}

    /**
     * Finds the entity classes of the given packages that {@code loader} can load.
     *
     * @param loader the class loader that loads the returned classes; its class path, its parents' and the
     *     module path are scanned
     * @param packages package names such as {@code com.acme.model}; subpackages are included
     * @return the entity and converter classes, sorted by name, each once
     * @throws IllegalArgumentException when no package is given, a name is not a package name, or a package
     *     holds no entity
     */
    public static Found scan(ClassLoader loader, Collection<String> packages) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("scanPackages() was called without any package; name the packages"
                    + " that hold your @Entity classes, e.g. scanPackages(\"com.acme.model\"), or register the"
                    + " classes with entities(…)");
        }
        for (String name : packages) {
            if (name == null || !PACKAGE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("scanPackages() was given \"" + name + "\", which is not a"
                        + " package name; pass names such as \"com.acme.model\" (no slashes, wildcards or blanks)");
            }
        }
        Map<String, Class<?>> found = new TreeMap<>();
        Map<String, Class<?>> converters = new TreeMap<>();
        try (ScanResult result = new ClassGraph()
                .addClassLoader(loader)
                .acceptPackages(packages.toArray(String[]::new))
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .scan()) {
            for (String name : result.getClassesWithAnnotation(Entity.class.getName()).getNames()) {
                Class<?> type = load(name, loader);
                if (type != null) {
                    found.put(name, type);
                }
            }
            for (String name : result.getClassesWithAnnotation(Converter.class.getName()).getNames()) {
                Class<?> type = load(name, loader);
                if (type != null) {
                    converters.put(name, type);
                }
            }
        }
        List<String> empty = new ArrayList<>();
        for (String name : packages) {
            if (found.keySet().stream().noneMatch(type -> type.startsWith(name + "."))) {
                empty.add(name);
            }
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("scanPackages() found no class annotated with"
                    + " @jakarta.persistence.Entity in " + (empty.size() == 1 ? "package " : "packages ")
                    + String.join(", ", empty) + " or " + (empty.size() == 1 ? "its" : "their") + " subpackages"
                    + " (searched through " + loader + "); check the package name" + (empty.size() == 1 ? "" : "s")
                    + ", or register the classes with entities(…)");
        }
        return new Found(List.copyOf(found.values()), List.copyOf(converters.values()));
    }

    /**
     * Loads without initialising. A class the loader cannot see was found through another loader and is not
     * one of its entities; a class it sees but cannot link is reported, not skipped.
     */
    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            throw new IllegalStateException("scanPackages() found entity class " + name + " but could not load it ("
                    + e + "); put the classes it depends on on the class path", e);
        }
    }
}
