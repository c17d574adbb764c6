package io.valence.orm.spring;

import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.List;

/**
 * Builds a {@link SessionFactory} from the {@code valence.*} properties, turning a missing or wrong
 * property into an error that names it (the builder's own messages speak of its methods).
 */
final class SessionFactoryConfigurer {
    static final String ENTITY_PACKAGES = "valence.entity-packages";
    static final String ACQUIRE_TIMEOUT = "valence.acquire-timeout";
    static final String SCHEMA_VALIDATE = "valence.schema.validate";

    private SessionFactoryConfigurer() {}

    static SessionFactory build(SessionFactory.Builder builder, ValenceProperties properties) {
        List<String> packages = properties.entityPackages();
        if (packages.isEmpty()) {
            throw ValenceConfigurationException.noEntityPackages();
        }
        Duration acquireTimeout = properties.acquireTimeout();
        if (acquireTimeout != null) {
            if (acquireTimeout.isNegative() || acquireTimeout.isZero()) {
                throw ValenceConfigurationException.nonPositiveAcquireTimeout(acquireTimeout);
            }
            builder.acquireTimeout(acquireTimeout);
        }
        builder.scanPackages(packages.toArray(String[]::new));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // Only the package scan throws this at build(): a bad name, or a package without entities.
            throw ValenceConfigurationException.badEntityPackages(packages, e);
        }
    }
}
