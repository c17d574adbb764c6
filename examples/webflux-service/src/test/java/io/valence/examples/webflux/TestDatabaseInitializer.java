package io.valence.examples.webflux;

import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the service a fresh database of the testkit's PostgreSQL through {@code spring.r2dbc.url},
 * with the schema created at start-up, as an application would get its own from configuration.
 */
final class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        IsolatedDatabase database = TestDatabase.shared().createDatabase("webflux").block(Duration.ofMinutes(2));
        TestPropertyValues.of("spring.r2dbc.url=" + database.url(), "valence.schema.create=true").applyTo(context);
    }
}
