/**
 * Valence's reactive API: {@link io.valence.orm.reactive.SessionFactory} and
 * {@link io.valence.orm.reactive.ReactiveSession}. Every publisher is cold: nothing happens until
 * it is subscribed.
 */
package io.valence.orm.reactive;
