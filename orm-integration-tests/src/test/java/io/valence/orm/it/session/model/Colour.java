package io.valence.orm.it.session.model;

/** An enum stored by name and by ordinal. */
public enum Colour {
    RED,
    GREEN,
    BLUE
}
