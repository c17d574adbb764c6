package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded in its owner's row as the columns street, city and postal_code. */
@Embeddable
public class Address {
    @Column(length = 120)
    public String street;

    @Column(length = 80)
    public String city;

    @Column(length = 12)
    public String postalCode;

    /** For Valence and Jackson. */
    protected Address() {}

    /**
     * Creates an address.
     *
     * @param street the street and number
     * @param city the city
     * @param postalCode the postal code
     */
    public Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }
}
