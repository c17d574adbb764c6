package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A line of the tagging audit. Mapped so that Valence creates its table, but written with plain SQL
 * through Spring's {@code DatabaseClient} ({@code TaggingService}), in the same transaction as the tag.
 */
@Entity
public class TagAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tag_name", length = 50, nullable = false)
    public String tagName;

    @Column(length = 20, nullable = false)
    public String action;

    protected TagAudit() {}
}
