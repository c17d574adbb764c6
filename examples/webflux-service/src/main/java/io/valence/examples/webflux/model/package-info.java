/** The service's entities, found by {@code valence.entity-packages=io.valence.examples.webflux.model}. */
package io.valence.examples.webflux.model;
