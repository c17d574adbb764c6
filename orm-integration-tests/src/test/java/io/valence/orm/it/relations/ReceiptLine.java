package io.valence.orm.it.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An element of {@link Receipt#lines}, without a field pointing back. */
@Entity
public class ReceiptLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int position;

    public String text;

    protected ReceiptLine() {}

    public ReceiptLine(int position, String text) {
        this.position = position;
        this.text = text;
    }
}
