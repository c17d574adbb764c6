package io.valence.orm.it.embedded;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Two embedded values of one type, the second renamed column by column. */
@Entity
public class Warehouse {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Embedded
    public Site main;

    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "backup_city", length = 60))
    @AttributeOverride(name = "geo.lat", column = @Column(name = "backup_lat", precision = 9, scale = 6))
    @AttributeOverride(name = "geo.lon", column = @Column(name = "backup_lon", precision = 9, scale = 6))
    public Site backup;

    protected Warehouse() {}

    public Warehouse(String name, Site main, Site backup) {
        this.name = name;
        this.main = main;
        this.backup = backup;
    }
}
