package io.valence.orm.testkit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Answers "does a Docker engine answer?" quickly and quietly. Testcontainers' own probe tries
 * several strategies and logs errors when none works, so it is asked only when something
 * points at a Docker engine (DOCKER_HOST, a Testcontainers configuration file or a known
 * socket), and then with a time limit.
 */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);
    private static final long TIMEOUT_SECONDS = 20;

    private DockerProbe() {}

    /**
     * Whether Testcontainers can reach a Docker engine.
     *
     * @param environment the process environment, read for DOCKER_HOST and friends
     * @return true when Testcontainers reports a working engine within the time limit
     */
    static boolean isDockerAvailable(Map<String, String> environment) {
        if (!pointsAtDocker(environment, Path.of(System.getProperty("user.home", "/")), System.getProperty("os.name", ""))) {
            LOG.debug("No DOCKER_HOST, Testcontainers configuration or Docker socket found; not asking Testcontainers");
            return false;
        }
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        probe.complete(DockerClientFactory.instance().isDockerAvailable());
                    } catch (RuntimeException | LinkageError e) {
                        probe.completeExceptionally(e);
                    }
                },
                "valence-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.info("Docker did not answer within {} s; not using Testcontainers", TIMEOUT_SECONDS);
            return false;
        } catch (ExecutionException e) {
            LOG.info("Docker probe failed ({}); not using Testcontainers", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when the environment, a Testcontainers file or a socket on disk suggests an engine. */
    static boolean pointsAtDocker(Map<String, String> environment, Path home, String osName) {
        if (osName.toLowerCase(Locale.ROOT).contains("win")) {
            return true; // named pipes cannot be checked cheaply; let Testcontainers decide
        }
        if (environment.containsKey("DOCKER_HOST") || environment.containsKey("TESTCONTAINERS_HOST_OVERRIDE")) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtimeDirectory = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDirectory != null) {
            candidates.add(Path.of(runtimeDirectory, "docker.sock"));
            candidates.add(Path.of(runtimeDirectory, "podman/podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }
}
