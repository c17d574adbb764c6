package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Version;

/** The root of a versioned JOINED hierarchy whose key the application assigns, three levels deep. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Asset {
    @Id
    public Long id;

    public String name;

    @Version
    public long version;

    protected Asset() {}

    protected Asset(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
