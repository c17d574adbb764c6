/**
 * Not API: the testkit's implementation (server selection and start-up, recording, SQL
 * inspection, the leak check). Types here may change or disappear in any release; use
 * {@code io.valence.orm.testkit} instead.
 */
@NullMarked
package io.valence.orm.testkit.internal;

import org.jspecify.annotations.NullMarked;
