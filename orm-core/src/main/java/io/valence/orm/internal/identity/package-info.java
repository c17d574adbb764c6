/** Not API. The identity map: one object per row per session. */
package io.valence.orm.internal.identity;
