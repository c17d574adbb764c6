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
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.r2dbc.pool.max-size=4", "spring.r2dbc.pool.initial-size=1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@interface RunningService {}
