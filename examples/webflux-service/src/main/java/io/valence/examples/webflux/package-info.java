/**
 * A Spring Boot WebFlux service on Valence: parents with children, a dashboard read through
 * parallel sessions, idempotent tags, and a shop (customers, orders with lines) on a mapped
 * superclass with embedded, JSON, converted and array columns. See docs/spring.md.
 */
package io.valence.examples.webflux;
