/** Not API. Turning query rows into the session's objects: joined and select-in loading. */
package io.valence.orm.reactive.internal.load;
