package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.MappingException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.StubMethod;
import org.junit.jupiter.api.Test;

/**
 * Walks every annotation type of the {@code jakarta.persistence} package and checks that none is
 * ignored silently: each is either in the documented set Valence honours, or an entity carrying it
 * (on the class, a field or a method, wherever its {@code @Target} allows) fails {@code build()}
 * with a problem that names it.
 */
class AnnotationCoverageTest {
    /** What Valence honours (docs/mapping.md), where the annotation belongs. */
    private static final Set<String> HONOURED = Set.of(
            "Entity", "Table", "Id", "GeneratedValue", "SequenceGenerator", "Column", "Version", "Transient",
            "Enumerated", "ManyToOne", "OneToMany", "OneToOne", "JoinColumn", "JoinColumns", "MappedSuperclass", "Embeddable",
            "IdClass", "EmbeddedId",
            "Embedded", "AttributeOverride", "AttributeOverrides", "Convert", "Converter", "EntityListeners",
            "PrePersist", "PreUpdate", "PreRemove", "PostPersist", "PostUpdate", "PostRemove", "PostLoad",
            "Inheritance", "DiscriminatorColumn", "DiscriminatorValue", "PrimaryKeyJoinColumn");

    @Test
    void everyAnnotationOfThePackageIsHonouredOrRejectedAtBuild() throws Exception {
        List<Class<? extends Annotation>> annotations = persistenceAnnotations();
        assertThat(annotations).as("the package's annotation types").hasSizeGreaterThan(80);
        List<String> ignored = new ArrayList<>();
        for (Class<? extends Annotation> annotation : annotations) {
            if (HONOURED.contains(annotation.getSimpleName()) || placements(annotation).isEmpty()) {
                continue; // honoured, or only ever a member of another annotation (@Index inside @Table)
            }
            for (ElementType placement : placements(annotation)) {
                List<String> problems = problemsOf(entityWith(annotation, placement));
                if (problems.stream().noneMatch(problem -> problem.contains("@" + annotation.getSimpleName()))) {
                    ignored.add("@" + annotation.getSimpleName() + " on a " + placement + " " + problems);
                }
            }
        }
        assertThat(ignored).as("annotations that build() neither honours nor rejects").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Annotation>> persistenceAnnotations() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path jar = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<? extends Annotation>> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : Collections.list(file.entries()).stream().map(e -> e.getName()).sorted().toList()) {
                if (name.startsWith("jakarta/persistence/") && name.endsWith(".class") && !name.contains("$")
                        && name.indexOf('/', "jakarta/persistence/".length()) < 0) {
                    Class<?> type = Class.forName(name.replace('/', '.').substring(0, name.length() - 6));
                    if (type.isAnnotation()) {
                        found.add((Class<? extends Annotation>) type);
                    }
                }
            }
        }
        return found;
    }

    /** Where the annotation can go on an entity: the class, a field, a method (a field when unrestricted). */
    private static List<ElementType> placements(Class<? extends Annotation> annotation) {
        Target target = annotation.getAnnotation(Target.class);
        if (target == null) {
            return List.of(ElementType.FIELD);
        }
        return List.of(target.value()).stream()
                .filter(kind -> kind == ElementType.TYPE || kind == ElementType.FIELD || kind == ElementType.METHOD)
                .toList();
    }

    private static Class<?> entityWith(Class<? extends Annotation> annotation, ElementType placement) {
        AnnotationDescription probe = describe(annotation);
        DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
                .name("io.valence.orm.internal.mapping.generated.Probe" + annotation.getSimpleName() + placement)
                .annotateType(placement == ElementType.TYPE
                        ? List.of(describe(Entity.class), probe) : List.of(describe(Entity.class)))
                .defineField("id", Long.class, Visibility.PACKAGE_PRIVATE)
                .annotateField(describe(Id.class));
        if (placement == ElementType.FIELD) {
            builder = builder.defineField("probe", String.class, Visibility.PACKAGE_PRIVATE).annotateField(probe);
        } else if (placement == ElementType.METHOD) {
            builder = builder.defineMethod("probe", void.class, Visibility.PACKAGE_PRIVATE)
                    .intercept(StubMethod.INSTANCE)
                    .annotateMethod(probe);
        }
        try (DynamicType.Unloaded<Object> unloaded = builder.make()) {
            return unloaded.load(AnnotationCoverageTest.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                    .getLoaded();
        }
    }

    /** An instance of the annotation with every member that has no default set to a plain value. */
    private static AnnotationDescription describe(Class<? extends Annotation> annotation) {
        AnnotationDescription.Builder builder = AnnotationDescription.Builder.ofType(annotation);
        for (Method member : annotation.getDeclaredMethods()) {
            if (member.getDefaultValue() == null) {
                builder = withValue(builder, member.getName(), member.getReturnType());
            }
        }
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AnnotationDescription.Builder withValue(AnnotationDescription.Builder builder, String name, Class<?> type) {
        if (type == String.class) {
            return builder.define(name, "probe");
        }
        if (type == String[].class) {
            return builder.defineArray(name, "probe");
        }
        if (type == Class.class) {
            return builder.define(name, TypeDescription.ForLoadedType.of(Object.class));
        }
        if (type == Class[].class) {
            return builder.defineTypeArray(name, new Class<?>[0]);
        }
        if (type.isEnum()) {
            return builder.define(name, (Enum) type.getEnumConstants()[0]);
        }
        if (type.isArray() && type.getComponentType().isAnnotation()) {
            return builder.defineAnnotationArray(name, TypeDescription.ForLoadedType.of(type.getComponentType()));
        }
        if (type.isArray() && type.getComponentType().isEnum()) {
            return builder.defineEnumerationArray(name, (Class) type.getComponentType());
        }
        if (type.isAnnotation()) {
            return builder.define(name, describe((Class<? extends Annotation>) type));
        }
        if (type == int.class) {
            return builder.define(name, 1);
        }
        if (type == long.class) {
            return builder.define(name, 1L);
        }
        if (type == boolean.class) {
            return builder.define(name, false);
        }
        throw new IllegalStateException("No probe value for " + type + " of " + name);
    }

    private static List<String> problemsOf(Class<?> entity) {
        try {
            Metamodel.of(List.of(entity));
            return List.of();
        } catch (MappingException e) {
            return e.problems();
        }
    }
}
