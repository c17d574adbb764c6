package io.valence.orm.spring;

import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the schema of the factory's entities while the context starts
 * ({@code valence.schema.create=true}), so that the tables exist before the web server accepts a
 * request. Start-up runs on the main thread, where waiting is fine, as Spring Boot's own R2DBC
 * schema initialisation does.
 */
final class ValenceSchemaInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(ValenceSchemaInitializer.class);
    /** Covers a pool's first connection and the DDL of a large model; a hang fails start-up instead. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SessionFactory sessionFactory;

    ValenceSchemaInitializer(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void afterPropertiesSet() {
        int statements = sessionFactory.schema().ddl().size();
        sessionFactory.schema().create().block(TIMEOUT);
        LOG.info("Created the schema ({} DDL statements) because valence.schema.create=true;"
                + " production schemas come from migrations", statements);
    }
}
