package io.valence.examples.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The service. Without {@code spring.r2dbc.url} it starts an embedded PostgreSQL first (see
 * {@link EmbeddedDatabaseFallback}), so {@code mvn … spring-boot:run} is all a new user needs.
 */
@SpringBootApplication
public class WebfluxServiceApplication {

    /** Instantiated by Spring. */
    public WebfluxServiceApplication() {}

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, e.g. {@code --spring.r2dbc.url=r2dbc:postgresql://…}
     */
    public static void main(String[] args) {
        new SpringApplicationBuilder(WebfluxServiceApplication.class)
                .initializers(new EmbeddedDatabaseFallback())
                .run(args);
    }
}
