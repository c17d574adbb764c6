package io.valence.orm.reactive.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.valence.orm.reactive.internal.scan.model.Alpha;
import io.valence.orm.reactive.internal.scan.model.sub.Beta;
import jakarta.persistence.Entity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityScannerTest {
    private static final String MODEL = "io.valence.orm.reactive.internal.scan.model";
    private final ClassLoader testLoader = EntityScannerTest.class.getClassLoader();

    @Test
    void findsEveryEntityOfAPackageAndItsSubpackagesInADirectorySortedByName() {
        List<Class<?>> entities = EntityScanner.scan(testLoader, List.of(MODEL)).entities();

        assertThat(entities).extracting(Class::getName).containsExactly(
                MODEL + ".Alpha",
                MODEL + ".Hidden",
                MODEL + ".Hidden$Nested",
                MODEL + ".sub.Beta");
        assertThat(entities).contains(Alpha.class, Beta.class);
    }

    @Test
    void packageNamesMatchWholeSegmentsOnly() {
        assertThat(EntityScanner.scan(testLoader, List.of(MODEL + ".sub")).entities()).containsExactly(Beta.class);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntityScanner.scan(testLoader, List.of(MODEL.substring(0, MODEL.length() - 2))))
                .withMessageStartingWith("scanPackages() found no class annotated with @jakarta.persistence.Entity in"
                        + " package io.valence.orm.reactive.internal.scan.mod or its subpackages (searched through ");
    }

    @Test
    void findsEntitiesInAJarThroughTheGivenClassLoader(@TempDir Path temp) throws Exception {
        Path jar = compileIntoJar(temp, "com.example.jarred", "Gadget", "Widget");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, testLoader)) {
            List<Class<?>> entities = EntityScanner.scan(loader, List.of("com.example.jarred", MODEL + ".sub")).entities();

            assertThat(entities).extracting(Class::getName)
                    .containsExactly("com.example.jarred.Gadget", "com.example.jarred.Widget", MODEL + ".sub.Beta");
            assertThat(entities.get(0).getClassLoader()).isSameAs(loader);
            assertThat(entities.get(0).isAnnotationPresent(Entity.class)).isTrue();
        }
    }

    @Test
    void emptyPackageListIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntityScanner.scan(testLoader, List.of()))
                .withMessage("scanPackages() was called without any package; name the packages that hold your @Entity"
                        + " classes, e.g. scanPackages(\"com.acme.model\"), or register the classes with entities(…)");
    }

    @Test
    void packageWithoutEntitiesIsRejectedNamingThePackage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntityScanner.scan(testLoader,
                        List.of(MODEL, "io.valence.orm.reactive.internal.scan.empty")))
                .withMessageStartingWith("scanPackages() found no class annotated with @jakarta.persistence.Entity in"
                        + " package io.valence.orm.reactive.internal.scan.empty or its subpackages (searched through ")
                .withMessageEndingWith("); check the package name, or register the classes with entities(…)");
    }

    @Test
    void somethingThatIsNotAPackageNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntityScanner.scan(testLoader, List.of("com/acme/*")))
                .withMessage("scanPackages() was given \"com/acme/*\", which is not a package name; pass names such as"
                        + " \"com.acme.model\" (no slashes, wildcards or blanks)");
    }

    /** Compiles one entity per name into a jar without directory entries, as some build tools write them. */
    private static Path compileIntoJar(Path temp, String packageName, String... classNames)
            throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        for (String className : classNames) {
            Files.writeString(sources.resolve(className + ".java"), "package " + packageName + ";\n"
                    + "@jakarta.persistence.Entity\n"
                    + "public class " + className + " {\n"
                    + "    @jakarta.persistence.Id Long id;\n"
                    + "}\n");
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String persistenceJar = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = Stream.concat(
                        Stream.of("-classpath", persistenceJar, "-d", classes.toString()),
                        Stream.of(classNames).map(name -> sources.resolve(name + ".java").toString()))
                .toList();
        int exitCode = compiler.run(null, null, diagnostics, arguments.toArray(String[]::new));
        assertThat(exitCode).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Path jar = temp.resolve("entities.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path classFile : files.filter(Files::isRegularFile).sorted().toList()) {
                    String entryName = classes.relativize(classFile).toString().replace('\\', '/');
                    out.putNextEntry(new JarEntry(entryName));
                    out.write(Files.readAllBytes(classFile));
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/notes.txt"));
            out.write("compiled at test time".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
