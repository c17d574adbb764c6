/**
 * A Spring Boot WebFlux service on Valence: parents with children, a dashboard read through
 * parallel sessions, and idempotent tags. See docs/spring.md.
 */
package io.valence.examples.webflux;
