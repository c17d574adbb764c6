package io.valence.orm.it.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A row with a short text column, free text, a date and an instant: the values whose limits the tests probe. */
@Entity
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The test that wrote the row, so each test counts only its own. */
    @Column(nullable = false, length = 80)
    public String batch;

    @Column(length = 5)
    public String code;

    public String body;

    public LocalDate day;

    public Instant stamp;

    protected Note() {}

    public Note(String batch) {
        this.batch = batch;
    }
}
