package io.valence.orm.benchmarks.valence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The rich parent's address, embedded in its row: columns {@code street, city, postal_code}. */
@Embeddable
public class Address {

    @Column(length = 80)
    String street;

    @Column(length = 50)
    String city;

    @Column(length = 12)
    String postalCode;

    /** For Valence. */
    protected Address() {}

    Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }
}
