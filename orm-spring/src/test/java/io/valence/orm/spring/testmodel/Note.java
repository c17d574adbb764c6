package io.valence.orm.spring.testmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The one entity of the auto-configuration tests, found by scanning this package. */
@Entity
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 100)
    public String text;

    @Column(length = 20, unique = true)
    public String code;

    protected Note() {}

    public Note(String text) {
        this.text = text;
    }
}
