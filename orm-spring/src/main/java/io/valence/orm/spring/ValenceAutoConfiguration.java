package io.valence.orm.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.jackson.ValenceJacksonModule;
import io.valence.orm.reactive.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds a {@link SessionFactory} over the application's R2DBC {@link ConnectionFactory} (the
 * pooled one of Spring Boot's {@code R2dbcAutoConfiguration} when r2dbc-pool is on the class path)
 * for the {@code @Entity} classes of {@code valence.entity-packages}, and a
 * {@link ValenceTransactions} over it.
 *
 * <p>Backs off when the application defines its own {@link SessionFactory} (the
 * {@link ValenceTransactions} bean is then built over that one), and when there is no single
 * {@link ConnectionFactory}. With {@code valence.schema.create=true} the schema is created at
 * start-up, before the web server accepts requests; otherwise it is validated against the mapping
 * ({@code valence.schema.validate}), and a difference stops start-up with a failure analysis. The factory is closed with the context; the
 * {@link ConnectionFactory} stays Spring Boot's (or yours) to close.
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration")
@ConditionalOnClass({SessionFactory.class, ConnectionFactory.class})
@ConditionalOnSingleCandidate(ConnectionFactory.class)
@EnableConfigurationProperties(ValenceProperties.class)
public final class ValenceAutoConfiguration {

    /** Instantiated by Spring Boot; listed in {@code AutoConfiguration.imports}. */
    public ValenceAutoConfiguration() {}

    /**
     * The factory: every entity of the configured packages, validated now.
     *
     * @param connectionFactory where sessions take their connections
     * @param properties the {@code valence.*} properties
     * @param observationRegistry Spring Boot's observation registry (with Actuator), where sessions,
     *     flushes, queries and commits are observed; without one they are not
     * @param objectMapper the application's Jackson mapper, which writes and reads JSON columns; without
     *     one Valence uses a default mapper
     * @return the factory; its (reactive) {@code close()} runs when the context closes
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionFactory valenceSessionFactory(ConnectionFactory connectionFactory, ValenceProperties properties,
            ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<ObjectMapper> objectMapper) {
        SessionFactory.Builder builder = SessionFactory.builder(connectionFactory);
        observationRegistry.ifAvailable(builder::observationRegistry);
        objectMapper.ifAvailable(builder::objectMapper);
        return SessionFactoryConfigurer.build(builder, properties);
    }

    /**
     * The session-per-request idiom over whichever {@link SessionFactory} the context holds.
     *
     * @param sessionFactory the factory
     * @param connectionFactory the connection factory whose transaction-bound connections sessions
     *     join inside Spring transactions
     * @param translator turns the sessions' exceptions into Spring's
     * @return the transactions
     */
    @Bean
    @ConditionalOnMissingBean
    public ValenceTransactions valenceTransactions(
            SessionFactory sessionFactory, ConnectionFactory connectionFactory, ValenceExceptionTranslator translator) {
        return ValenceTransactions.of(sessionFactory, connectionFactory, translator);
    }

    /**
     * Lets controllers return entities: Spring Boot registers every Jackson {@code Module} bean in its
     * {@code ObjectMapper}, and this one writes entities without touching unloaded relationships and
     * without cycles (see {@link ValenceJacksonModule}).
     *
     * @return the module
     */
    @Bean
    @ConditionalOnMissingBean
    public ValenceJacksonModule valenceJacksonModule() {
        return new ValenceJacksonModule();
    }

    /**
     * Translates Valence's exceptions into Spring's {@code DataAccessException}s: used by
     * {@link ValenceTransactions}, and by Spring's {@code PersistenceExceptionTranslationPostProcessor}
     * for {@code @Repository} beans that throw.
     *
     * @return the translator
     */
    @Bean
    @ConditionalOnMissingBean
    public ValenceExceptionTranslator valenceExceptionTranslator() {
        return new ValenceExceptionTranslator();
    }

    /**
     * Creates the schema at start-up when {@code valence.schema.create=true}, and validates it
     * against the mapping when {@code valence.schema.validate} is true (its default unless the schema
     * is created).
     *
     * @param sessionFactory the factory whose entities' tables are created or validated
     * @param properties the {@code valence.*} properties
     * @return the initializer
     */
    @Bean
    ValenceSchemaInitializer valenceSchemaInitializer(SessionFactory sessionFactory, ValenceProperties properties) {
        return new ValenceSchemaInitializer(sessionFactory, properties.schema());
    }
}
