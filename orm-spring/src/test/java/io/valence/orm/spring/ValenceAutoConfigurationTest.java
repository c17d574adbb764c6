package io.valence.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.valence.orm.OrmException;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.spring.testmodel.Note;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The auto-configuration's wiring, without a database: what it builds, from what, and when it steps aside. */
class ValenceAutoConfigurationTest {
    private static final String ENTITY_PACKAGES = "valence.entity-packages=io.valence.orm.spring.testmodel";
    /** Spring Boot builds a pool for this URL; no test here opens a connection to it. */
    private static final String NEVER_CONNECTED_URL = "spring.r2dbc.url=r2dbc:postgresql://nobody:secret@localhost:1/never_connected";

    /** No database here, so no start-up validation (ValenceSchemaValidationIT and the example's tests cover it). */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, ValenceAutoConfiguration.class))
            .withPropertyValues("valence.schema.validate=false");

    @Test
    void validatesTheSchemaAtStartUpUnlessValenceCreatesIt() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context.getBean(ValenceProperties.class).schema().shouldValidate()).isTrue());
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("valence.schema.create=true")
                .run(context -> assertThat(context.getBean(ValenceProperties.class).schema().shouldValidate()).isFalse());
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("valence.schema.create=true", "valence.schema.validate=true")
                .run(context -> assertThat(context.getBean(ValenceProperties.class).schema().shouldValidate()).isTrue());
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(ValenceProperties.class)
    static class PropertiesOnly {}

    @Test
    void buildsTheSessionFactoryOverTheApplicationsConnectionFactoryBean() {
        runner.withUserConfiguration(RecordingConnectionFactoryConfiguration.class)
                .withPropertyValues(ENTITY_PACKAGES)
                .run(context -> {
                    assertThat(context).hasSingleBean(SessionFactory.class).hasSingleBean(ValenceTransactions.class)
                            .hasSingleBean(ValenceExceptionTranslator.class)
                            .hasSingleBean(io.valence.orm.jackson.ValenceJacksonModule.class);
                    RecordingConnectionFactory connectionFactory = context.getBean(RecordingConnectionFactory.class);
                    SessionFactory factory = context.getBean(SessionFactory.class);

                    StepVerifier.create(factory.withSession(session -> session.get(Note.class, 1L)))
                            .expectErrorSatisfies(error -> assertThat(error)
                                    .hasStackTraceContaining(RecordingConnectionFactory.REFUSAL))
                            .verify(Duration.ofSeconds(10));
                    assertThat(connectionFactory.requests).hasValue(1);
                });
    }

    @Test
    void mapsTheEntitiesOfTheConfiguredPackages() {
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES).run(context -> {
            assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(ConnectionPool.class);
            assertThat(context.getBean(SessionFactory.class).schema().ddl())
                    .anySatisfy(ddl -> assertThat(ddl).containsIgnoringCase("create table").contains("note"));
        });
    }

    @Test
    void transactionsUseTheContextsSessionFactory() {
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES).run(context -> assertThat(
                        context.getBean(ValenceTransactions.class).sessionFactory())
                .isSameAs(context.getBean(SessionFactory.class)));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnSessionFactory() {
        runner.withUserConfiguration(OwnSessionFactoryConfiguration.class)
                .withPropertyValues(NEVER_CONNECTED_URL)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SessionFactory.class);
                    assertThat(context).getBean(SessionFactory.class).isSameAs(context.getBean("ownSessionFactory"));
                    assertThat(context.getBean(ValenceTransactions.class).sessionFactory())
                            .isSameAs(context.getBean("ownSessionFactory"));
                });
    }

    @Test
    void backsOffWithoutAConnectionFactory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValenceAutoConfiguration.class))
                .withPropertyValues(ENTITY_PACKAGES)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(SessionFactory.class)
                        .doesNotHaveBean(ValenceTransactions.class));
    }

    @Test
    void failsNamingThePropertyWhenNoEntityPackageIsConfigured() {
        runner.withPropertyValues(NEVER_CONNECTED_URL).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(ValenceConfigurationException.class)
                    .hasMessage("Valence cannot build its SessionFactory: no entity package is configured. Set"
                            + " valence.entity-packages to the packages of your @Entity classes, e.g."
                            + " valence.entity-packages=com.acme.model (subpackages are included), or define a"
                            + " SessionFactory bean of your own.");
        });
    }

    @Test
    void reportsAMissingEntityPackageAsAStartUpFailureWithAnAction() {
        runner.withPropertyValues(NEVER_CONNECTED_URL).run(context -> {
            FailureAnalysis analysis = new ValenceConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .isEqualTo("Valence cannot build its SessionFactory: no entity package is configured.");
            assertThat(analysis.getAction()).startsWith("Set valence.entity-packages to the packages of your @Entity");
        });
    }

    @Test
    void failsNamingThePropertyWhenAConfiguredPackageHoldsNoEntity() {
        runner.withPropertyValues(NEVER_CONNECTED_URL, "valence.entity-packages=com.example.nothing").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no class annotated with @jakarta.persistence.Entity in package"
                            + " com.example.nothing");
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Valence cannot build its SessionFactory from"
                            + " valence.entity-packages=com.example.nothing: ")
                    .hasStackTraceContaining("Correct valence.entity-packages so that it names the packages of your"
                            + " @Entity classes.");
        });
    }

    @Test
    void failsNamingThePropertyWhenTheAcquireTimeoutIsNotPositive() {
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES, "valence.acquire-timeout=0s")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage("Valence cannot build its SessionFactory: valence.acquire-timeout is PT0S, but"
                                + " sessions need a positive time to wait for a connection. Set"
                                + " valence.acquire-timeout to a positive duration such as 5s, or remove it to keep"
                                + " the default of 30s."));
    }

    @Test
    void bindsTheValenceProperties() {
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES, "valence.acquire-timeout=250ms")
                .run(context -> {
                    ValenceProperties properties = context.getBean(ValenceProperties.class);
                    assertThat(properties.entityPackages()).containsExactly("io.valence.orm.spring.testmodel");
                    assertThat(properties.acquireTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.schema().create()).isFalse();
                });
    }

    @Test
    void createsNoSchemaUnlessAskedTo() {
        // starting against a database that never answers proves that no DDL was sent
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ValenceSchemaInitializer.class));
    }

    @Test
    void closesItsSessionFactoryWithTheContext() {
        AtomicReference<SessionFactory> factory = new AtomicReference<>();
        runner.withPropertyValues(NEVER_CONNECTED_URL, ENTITY_PACKAGES)
                .run(context -> factory.set(context.getBean(SessionFactory.class)));

        assertThatThrownBy(() -> factory.get().openSession())
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("This SessionFactory is closed");
    }

    /** A ConnectionFactory of the application's own, which counts connection requests and refuses them. */
    static final class RecordingConnectionFactory implements ConnectionFactory {
        static final String REFUSAL = "refused by the test's own ConnectionFactory";
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.defer(() -> {
                requests.incrementAndGet();
                return Mono.error(new IllegalStateException(REFUSAL));
            });
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            // Named as the driver names itself: Boot's DatabaseClient (spring-r2dbc is on the class
            // path for @Transactional) picks its bind markers by this name.
            return () -> "PostgreSQL";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingConnectionFactoryConfiguration {
        @Bean
        RecordingConnectionFactory recordingConnectionFactory() {
            return new RecordingConnectionFactory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSessionFactoryConfiguration {
        @Bean
        SessionFactory ownSessionFactory(ConnectionFactory connectionFactory) {
            return SessionFactory.builder(connectionFactory).entities(Note.class).build();
        }
    }
}
