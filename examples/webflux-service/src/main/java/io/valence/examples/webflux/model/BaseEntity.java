package io.valence.examples.webflux.model;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every shop entity has: a time-ordered (version 7) UUID assigned when the object is added, so
 * no round trip is needed to know it; a version for optimistic locking; and audit timestamps that
 * the callbacks set (after a flush they hold PostgreSQL's microsecond precision).
 */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Version
    public long version;

    public Instant createdAt;
    public Instant updatedAt;

    /** Instantiated by subclasses. */
    protected BaseEntity() {}

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
