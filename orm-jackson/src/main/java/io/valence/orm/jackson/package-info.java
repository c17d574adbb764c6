/**
 * {@link io.valence.orm.jackson.ValenceJacksonModule}: Jackson writes Valence entities without
 * touching unloaded relationships and without cycles.
 */
package io.valence.orm.jackson;
