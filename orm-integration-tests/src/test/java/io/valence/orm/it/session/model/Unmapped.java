package io.valence.orm.it.session.model;

/** A class no factory maps. */
public class Unmapped {
    public Long id;
}
