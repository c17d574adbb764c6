/** Not API. Entity states, snapshots of loaded values and dirty checking. */
package io.valence.orm.internal.state;
