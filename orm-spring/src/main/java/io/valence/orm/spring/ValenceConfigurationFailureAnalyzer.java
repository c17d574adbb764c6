package io.valence.orm.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ValenceConfigurationException} into Spring Boot's "APPLICATION FAILED TO START"
 * report, with the property at fault, instead of a long bean-creation stack trace.
 */
final class ValenceConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ValenceConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ValenceConfigurationException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
