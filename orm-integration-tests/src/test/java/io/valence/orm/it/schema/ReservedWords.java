package io.valence.orm.it.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reserved words as table and column names, which quoting must make work. */
@Entity
@Table(name = "order")
public class ReservedWords {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user", nullable = false)
    public String user;

    @Column(name = "select")
    public int select;

    protected ReservedWords() {}

    public ReservedWords(String user, int select) {
        this.user = user;
        this.select = select;
    }
}
