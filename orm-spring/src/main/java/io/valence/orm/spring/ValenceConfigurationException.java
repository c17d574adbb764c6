package io.valence.orm.spring;

import io.valence.orm.SchemaDifference;
import io.valence.orm.SchemaMismatchException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code valence.*} property is missing or wrong. Carries what Spring Boot's start-up failure
 * report prints (through {@link ValenceConfigurationFailureAnalyzer}): what is wrong and what to do.
 */
final class ValenceConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    private ValenceConfigurationException(String description, String action, @Nullable Throwable cause) {
        super(description + " " + action, cause);
        this.description = description;
        this.action = action;
    }

    static ValenceConfigurationException noEntityPackages() {
        return new ValenceConfigurationException(
                "Valence cannot build its SessionFactory: no entity package is configured.",
                "Set " + SessionFactoryConfigurer.ENTITY_PACKAGES + " to the packages of your @Entity classes,"
                        + " e.g. " + SessionFactoryConfigurer.ENTITY_PACKAGES + "=com.acme.model (subpackages are"
                        + " included), or define a SessionFactory bean of your own.",
                null);
    }

    static ValenceConfigurationException badEntityPackages(List<String> packages, IllegalArgumentException cause) {
        return new ValenceConfigurationException(
                "Valence cannot build its SessionFactory from " + SessionFactoryConfigurer.ENTITY_PACKAGES + "="
                        + String.join(",", packages) + ": " + cause.getMessage() + ".",
                "Correct " + SessionFactoryConfigurer.ENTITY_PACKAGES + " so that it names the packages of your"
                        + " @Entity classes.",
                cause);
    }

    static ValenceConfigurationException nonPositiveAcquireTimeout(Duration timeout) {
        return new ValenceConfigurationException(
                "Valence cannot build its SessionFactory: " + SessionFactoryConfigurer.ACQUIRE_TIMEOUT + " is "
                        + timeout + ", but sessions need a positive time to wait for a connection.",
                "Set " + SessionFactoryConfigurer.ACQUIRE_TIMEOUT + " to a positive duration such as 5s, or remove"
                        + " it to keep the default of 30s.",
                null);
    }

    static ValenceConfigurationException schemaMismatch(SchemaMismatchException mismatch) {
        StringBuilder description = new StringBuilder("The database schema does not match the entity mapping (")
                .append(mismatch.differences().size()).append(mismatch.differences().size() == 1 ? " difference" : " differences")
                .append("):");
        StringBuilder action = new StringBuilder("Apply these fixes in a migration (or correct the mapping):");
        for (SchemaDifference difference : mismatch.differences()) {
            description.append("\n  - ").append(difference.problem());
            action.append("\n  ").append(difference.fix());
        }
        action.append("\nOr set ").append(SessionFactoryConfigurer.SCHEMA_VALIDATE)
                .append("=false to start without the check.");
        return new ValenceConfigurationException(description.toString(), action.toString(), mismatch);
    }

    /** @return what to do about it, as the failure report's "Action" */
    String action() {
        return action;
    }

    /** @return what is wrong, as the failure report's "Description" */
    String description() {
        return description;
    }
}
