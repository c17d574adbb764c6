/** Not API. Finds the {@code @Entity} classes of the packages given to {@code SessionFactory.Builder.scanPackages}. */
package io.valence.orm.reactive.internal.scan;
