package io.valence.orm.spring;

import io.valence.orm.SchemaMismatchException;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the schema of the factory's entities ({@code valence.schema.create=true}), then validates it
 * against the mapping ({@code valence.schema.validate}, on by default when Valence does not create
 * the schema), while the context starts, so that a missing table or a drifted column stops start-up
 * with a failure analysis instead of failing the first request. Start-up runs on the main thread,
 * where waiting is fine, as Spring Boot's own R2DBC schema initialisation does.
 */
final class ValenceSchemaInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(ValenceSchemaInitializer.class);
    /** Covers a pool's first connection and the DDL of a large model; a hang fails start-up instead. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SessionFactory sessionFactory;
    private final ValenceProperties.SchemaProperties properties;

    ValenceSchemaInitializer(SessionFactory sessionFactory, ValenceProperties.SchemaProperties properties) {
        this.sessionFactory = sessionFactory;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.create()) {
            int statements = sessionFactory.schema().ddl().size();
            sessionFactory.schema().create().block(TIMEOUT);
            LOG.info("Created the schema ({} DDL statements) because valence.schema.create=true;"
                    + " production schemas come from migrations", statements);
        }
        if (properties.shouldValidate()) {
            try {
                sessionFactory.schema().validate().block(TIMEOUT);
            } catch (SchemaMismatchException mismatch) {
                throw ValenceConfigurationException.schemaMismatch(mismatch);
            }
            LOG.info("The database schema matches the entity mapping (valence.schema.validate=true)");
        }
    }
}
