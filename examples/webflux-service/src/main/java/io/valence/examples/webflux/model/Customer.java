package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer: an embedded address (three columns of its row), JSON preferences (a jsonb column) and
 * tags (a text[] column). Changing one field of the address updates that column only.
 */
@Entity
public class Customer extends BaseEntity {
    @Column(nullable = false, length = 100)
    public String name;

    @Embedded
    public Address address;

    @Column(columnDefinition = "jsonb")
    public Preferences preferences;

    public List<String> tags = new ArrayList<>();

    /** For Valence. */
    protected Customer() {}

    /**
     * Creates a transient customer.
     *
     * @param name the name
     * @param address the postal address, or {@code null}
     * @param preferences the preferences, or {@code null}
     * @param tags the tags
     */
    public Customer(String name, Address address, Preferences preferences, List<String> tags) {
        this.name = name;
        this.address = address;
        this.preferences = preferences;
        this.tags = new ArrayList<>(tags);
    }
}
