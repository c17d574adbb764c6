/** Not API. The unit of work: tracked objects, cascades, and the changes a flush must send. */
package io.valence.orm.internal.unitofwork;
