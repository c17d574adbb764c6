package io.valence.orm.reactive.internal.scan.model;

/** A class without {@code @Entity}: scanning must leave it out. */
public class NotAnEntity {}
