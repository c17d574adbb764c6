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
 * valence.schema.validate=true # the default unless create=true: compare the schema with the mapping at start-up
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
     * @param validate whether to compare the database with the mapping at start-up (tables, columns,
     *     types, nullability, unique constraints, foreign key indexes) and fail start-up listing every
     *     difference with its fix; {@code null} (unset) means yes unless {@code create} is set
     */
    public record SchemaProperties(@DefaultValue("false") boolean create, @Nullable Boolean validate) {

        /**
         * Whether start-up validates the schema.
         *
         * @return {@code validate} when set, otherwise {@code !create}
         */
        public boolean shouldValidate() {
            return validate != null ? validate : !create;
        }
    }
}
