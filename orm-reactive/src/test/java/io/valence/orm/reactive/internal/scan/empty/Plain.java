package io.valence.orm.reactive.internal.scan.empty;

/** The only class of a package without entities. */
public class Plain {}
