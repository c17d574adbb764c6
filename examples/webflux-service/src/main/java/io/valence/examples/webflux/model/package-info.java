/**
 * The service's entities, found by {@code valence.entity-packages=io.valence.examples.webflux.model}
 * together with the auto-applied {@link io.valence.examples.webflux.model.MoneyConverter}: parents
 * with children and tags (the first examples), and a shop (customers, orders with lines) on a
 * {@link io.valence.examples.webflux.model.BaseEntity} mapped superclass.
 */
package io.valence.examples.webflux.model;
