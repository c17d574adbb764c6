package io.valence.orm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class (and, separately, each of its {@code @Nested} classes) its own
 * fresh, empty database on the JVM's {@link TestDatabase}, and injects into test methods,
 * lifecycle methods and constructors parameters of these types:
 *
 * <ul>
 *   <li>{@link io.r2dbc.pool.ConnectionPool} (also for a {@code io.r2dbc.spi.ConnectionFactory}
 *       parameter): an r2dbc-pool pool on the class's database, over a factory the class's
 *       {@link StatementRecorder} wraps, so everything run through it is recorded;
 *   <li>{@link StatementRecorder}: the class's recorder (never reset automatically);
 *   <li>{@link IsolatedDatabase}: the class's database (name, options, URL);
 *   <li>{@link TestDatabase}: the server.
 * </ul>
 *
 * <p>The database is created on first use and dropped, with the pool closed, when the class
 * finishes. After every test the extension checks that no connection of the pool is still
 * acquired (allowing about 2 s for asynchronous release) and fails the test if one is: a
 * leaked connection is a bug in the code under test or in the test.
 *
 * <pre>{@code
 * @ValenceTest
 * class OrderIT {
 *     @Test
 *     void insertIsOneRoundTrip(ConnectionPool pool, StatementRecorder recorder) { … }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ValenceExtension.class)
public @interface ValenceTest {

    /**
     * The most connections the class's pool opens.
     *
     * @return the pool's maximum size, at least 1
     */
    int maxPoolSize() default 4;

    /**
     * How long acquiring a connection from the pool may wait before it errors, in milliseconds.
     *
     * @return the acquire timeout
     */
    long acquireTimeoutMillis() default 10_000;

    /**
     * The mapped classes for the {@code SessionFactory} this extension hands out.
     *
     * @return the entity classes, empty when the test needs no SessionFactory
     */
    Class<?>[] entities() default {};
}
