package io.valence.orm.internal.load;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Lookups for get-or-create: a unique column ({@code code}), a unique pair ({@code name, colour}), and neither. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"name", "colour"}))
public class Badge {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(unique = true)
    String code;

    String name;

    String colour;

    Integer size;

    Badge() {}
}
