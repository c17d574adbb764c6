package io.valence.orm.it.session.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The second round's basic types, and values PostgreSQL keeps less precisely than Java. */
@Entity
public class Shift {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public LocalTime starts;
    public Duration length;
    public BigInteger counter;

    @Column(precision = 10, scale = 2)
    public BigDecimal rate;

    public LocalDateTime plannedAt;
    public Instant recordedAt;

    protected Shift() {}

    public Shift(String name) {
        this.name = name;
    }
}
