package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * This service is a Spring Boot application built with only {@code valence-bom} and Spring Boot's BOM
 * (see its pom): what it resolves is what a new user's application resolves. Every library Valence
 * uses is on the version Spring Boot manages, read from the very {@code spring-boot-dependencies} pom
 * the build imported, and each family of libraries released together (Testcontainers, Micrometer,
 * Spring, Netty, Jackson) is on one version. The enforcer's dependencyConvergence rule, which this
 * module inherits, checks the rest of the tree.
 */
class ResolvedVersionsTest {
    /** Valence's libraries and the property of Spring Boot's BOM that sets their version. */
    private static final Map<String, String> BOOT_PROPERTY = Map.ofEntries(
            Map.entry("org.postgresql:r2dbc-postgresql", "r2dbc-postgresql"),
            Map.entry("io.r2dbc:r2dbc-pool", "r2dbc-pool"),
            Map.entry("io.r2dbc:r2dbc-spi", "r2dbc-spi"),
            Map.entry("io.r2dbc:r2dbc-proxy", "r2dbc-proxy"),
            Map.entry("io.micrometer:micrometer-observation", "micrometer"),
            Map.entry("org.slf4j:slf4j-api", "slf4j"),
            Map.entry("jakarta.persistence:jakarta.persistence-api", "jakarta-persistence"),
            Map.entry("org.testcontainers:testcontainers", "testcontainers"),
            Map.entry("ch.qos.logback:logback-classic", "logback"),
            Map.entry("org.junit.jupiter:junit-jupiter-api", "junit-jupiter"),
            Map.entry("com.fasterxml.jackson.core:jackson-databind", "jackson-bom"));

    private static final Pattern PROPERTY = Pattern.compile("<([A-Za-z0-9.-]+)\\.version>([^<]+)</");

    private static Map<String, String> resolved;
    private static Map<String, String> bootVersions;

    @BeforeAll
    static void readTheClassPathAndBootsBom() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path bootJar = Path.of(SpringApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path repository = bootJar.getParent().getParent().getParent().getParent().getParent().getParent(); // …/org/springframework/boot/spring-boot/<version>/
        resolved = new HashMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && jar.startsWith(repository)) {
                Path relative = repository.relativize(jar);
                int n = relative.getNameCount();
                String group = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
                String previous = resolved.put(group + ":" + relative.getName(n - 3), relative.getName(n - 2).toString());
                assertThat(previous).as("a second version of %s:%s", group, relative.getName(n - 3)).isNull();
            }
        }
        String bootVersion = bootJar.getParent().getFileName().toString();
        Path bom = repository.resolve(Path.of("org", "springframework", "boot", "spring-boot-dependencies", bootVersion,
                "spring-boot-dependencies-" + bootVersion + ".pom"));
        bootVersions = new HashMap<>();
        Matcher properties = PROPERTY.matcher(Files.readString(bom));
        while (properties.find()) {
            bootVersions.put(properties.group(1), properties.group(2));
        }
    }

    @Test
    void everyLibraryValenceUsesIsOnTheVersionSpringBootManages() {
        assertThat(resolved).containsKeys(BOOT_PROPERTY.keySet().toArray(String[]::new));
        BOOT_PROPERTY.forEach((library, property) -> assertThat(resolved.get(library))
                .as("%s, managed by Spring Boot's %s.version", library, property)
                .isEqualTo(bootVersions.get(property)));
    }

    @Test
    void librariesReleasedTogetherAreOnOneVersion() {
        for (String family : List.of("org.testcontainers:", "io.micrometer:micrometer-", "org.springframework:spring-",
                "org.springframework.boot:", "io.netty:netty-codec", "io.netty:netty-handler", "com.fasterxml.jackson.core:jackson-core",
                "com.fasterxml.jackson.core:jackson-databind")) {
            Map<String, String> members = new TreeMap<>(resolved.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(family))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(members.values().stream().distinct().toList()).as("versions of %s %s", family, members).hasSizeLessThanOrEqualTo(1);
        }
    }
}
