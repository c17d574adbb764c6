/** Entities with composite keys ({@code @IdClass}, {@code @EmbeddedId}) for the integration tests. */
package io.valence.orm.it.keys;
