package io.valence.orm.it.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** A place with a nested position. */
@Embeddable
public class Site {
    @Column(length = 60)
    public String city;

    @Embedded
    public Geo geo;

    protected Site() {}

    public Site(String city, Geo geo) {
        this.city = city;
        this.geo = geo;
    }
}
