package io.valence.orm.spring;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code valence.*} properties that {@link ValenceAutoConfiguration} builds its
 * {@link io.valence.orm.reactive.SessionFactory} from.
 *
 * <pre>
 * valence.entity-packages=com.acme.model
 * valence.acquire-timeout=5s
 * valence.schema.create=true   # demos and tests only: production schemas come from migrations
 * </pre>
 *
 * @param entityPackages the packages (subpackages included) whose {@code @Entity} classes the
 *     factory maps; required
 * @param acquireTimeout how long a session waits for a connection before failing with a clear
 *     error; {@code null} keeps {@code SessionFactory.Builder}'s default of 30 seconds
 * @param schema what to do with the schema at start-up
 */
@ConfigurationProperties("valence")
public record ValenceProperties(
        @DefaultValue List<String> entityPackages, @Nullable Duration acquireTimeout, @DefaultValue SchemaProperties schema) {

    /**
     * The {@code valence.schema.*} properties.
     *
     * @param create whether to create the entities' tables, sequences and indexes at start-up, on a
     *     database that has none of them yet (it fails when they exist). For demos and tests; a
     *     production schema comes from migrations (Flyway, Liquibase)
     */
    public record SchemaProperties(@DefaultValue("false") boolean create) {}
}
