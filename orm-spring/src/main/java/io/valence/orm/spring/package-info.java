/**
 * Spring Boot integration: {@link io.valence.orm.spring.ValenceAutoConfiguration} builds a
 * {@link io.valence.orm.reactive.SessionFactory} over the application's R2DBC
 * {@code ConnectionFactory} from the {@code valence.*} properties, and
 * {@link io.valence.orm.spring.ValenceTransactions} is the idiom for a session per request or
 * transaction in WebFlux. See {@code docs/spring.md}.
 */
@NullMarked
package io.valence.orm.spring;

import org.jspecify.annotations.NullMarked;
