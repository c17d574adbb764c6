package io.valence.orm.it.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A position, nested inside {@link Site}. */
@Embeddable
public class Geo {
    @Column(precision = 9, scale = 6)
    public BigDecimal lat;

    @Column(precision = 9, scale = 6)
    public BigDecimal lon;

    protected Geo() {}

    public Geo(String lat, String lon) {
        this.lat = new BigDecimal(lat);
        this.lon = new BigDecimal(lon);
    }
}
