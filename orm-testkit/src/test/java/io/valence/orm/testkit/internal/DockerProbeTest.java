package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {

    @TempDir
    Path home;

    @Test
    void dockerHostVariablePointsAtDocker() {
        assertThat(DockerProbe.pointsAtDocker(Map.of("DOCKER_HOST", "tcp://docker:2375"), home, "Linux")).isTrue();
    }

    @Test
    void testcontainersFileInHomePointsAtDocker() throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://docker:2375\n");

        assertThat(DockerProbe.pointsAtDocker(Map.of(), home, "Linux")).isTrue();
    }

    @Test
    void socketInRuntimeDirectoryPointsAtDocker() throws IOException {
        Files.createFile(home.resolve("docker.sock"));

        assertThat(DockerProbe.pointsAtDocker(Map.of("XDG_RUNTIME_DIR", home.toString()), home, "Linux")).isTrue();
    }

    @Test
    void windowsAlwaysAsksTestcontainers() {
        assertThat(DockerProbe.pointsAtDocker(Map.of(), home, "Windows 11")).isTrue();
    }

    @Test
    void nothingPointingAtDockerMeansNoDockerWithoutAskingTestcontainers() {
        // /var/run/docker.sock may exist on a developer's machine: only assert when it does not
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/var/run/docker.sock")));

        assertThat(DockerProbe.pointsAtDocker(Map.of(), home, "Linux")).isFalse();
    }
}
