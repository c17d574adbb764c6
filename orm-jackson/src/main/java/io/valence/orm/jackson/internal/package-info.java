/**
 * Not API. The parts of {@code ValenceJacksonModule}: which members of an entity Jackson sees, and the
 * serializers that omit unloaded relationships and write back-references as ids.
 *
 * <p>Decisions: an unloaded relationship is omitted rather than written as the target's id, because
 * Valence keeps an unloaded to-one's foreign key in the session, not in the object, and the object
 * is usually written after its session closed; omission is the one rule that holds for both kinds of
 * relationship. Fields, not getters, because Valence maps fields and a getter may compute or throw.
 */
package io.valence.orm.jackson.internal;
