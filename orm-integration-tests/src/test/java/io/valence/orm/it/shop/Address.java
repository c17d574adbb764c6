package io.valence.orm.it.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded in its owner's row. */
@Embeddable
public class Address {
    @Column(length = 120)
    public String street;

    @Column(length = 80)
    public String city;

    @Column(length = 12)
    public String postalCode;

    protected Address() {}

    public Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }
}
