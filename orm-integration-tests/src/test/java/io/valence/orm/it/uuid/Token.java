package io.valence.orm.it.uuid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.UUID;

/** An entity whose id Valence assigns: a UUID v7. */
@Entity
public class Token {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(unique = true)
    public String code;

    protected Token() {}

    public Token(String code) {
        this.code = code;
    }
}
