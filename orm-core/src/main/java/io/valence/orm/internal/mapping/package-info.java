/**
 * Not API. The mapping metamodel: entity classes read from {@code jakarta.persistence} annotations
 * into immutable {@link io.valence.orm.internal.mapping.EntityMapping}s, validated once per factory.
 */
package io.valence.orm.internal.mapping;
