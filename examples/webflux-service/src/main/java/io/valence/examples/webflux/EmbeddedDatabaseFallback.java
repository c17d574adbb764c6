package io.valence.examples.webflux;

import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no {@code spring.r2dbc.url} is configured, starts the testkit's PostgreSQL (embedded
 * binaries from Maven Central, or the server of {@code VALENCE_TEST_DATABASE_URL}), creates a fresh
 * database on it, and points the service there with {@code valence.schema.create=true}. With a URL
 * configured it does nothing: the service then uses that database and its existing schema.
 */
final class EmbeddedDatabaseFallback implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseFallback.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.containsProperty("spring.r2dbc.url")) {
            return;
        }
        IsolatedDatabase database = Objects.requireNonNull(
                TestDatabase.shared().createDatabase("webflux_service").block(START_TIMEOUT), "database");
        environment.getPropertySources().addFirst(new MapPropertySource("valenceEmbeddedDatabase", Map.of(
                "spring.r2dbc.url", database.url(),
                "valence.schema.create", "true")));
        LOG.info("No spring.r2dbc.url configured: using database {} on {} (PostgreSQL {}), schema created at"
                        + " start-up. It is gone when the service stops; pass --spring.r2dbc.url=… to use your own.",
                database.name(), database.server().provider(), database.server().serverMajorVersion());
    }
}
