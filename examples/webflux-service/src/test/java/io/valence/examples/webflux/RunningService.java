package io.valence.examples.webflux;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service on a random port over a database of the testkit's PostgreSQL. Every class with this
 * annotation shares one application context and so one database: scope assertions to your own rows.
 *
 * <p>Still to come (issue 24, item 1, built with the connection layer): a {@code TransactionalApiIT}
 * with this annotation, whose {@code @Transactional} handler writes through Valence and through
 * {@code DatabaseClient} and then fails (neither write stored) or succeeds (both stored, and the
 * {@code DatabaseClient} read in the method saw Valence's flushed row).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.r2dbc.pool.max-size=4", "spring.r2dbc.pool.initial-size=1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@interface RunningService {}
