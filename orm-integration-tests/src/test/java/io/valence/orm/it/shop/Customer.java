package io.valence.orm.it.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A customer: an embedded address, JSON preferences and tags as a text[] array. */
@Entity
public class Customer extends BaseEntity {
    @Column(nullable = false, length = 100)
    public String name;

    @Embedded
    public Address address;

    @Column(columnDefinition = "jsonb")
    public Preferences preferences;

    public List<String> tags = new ArrayList<>();

    @OneToMany(mappedBy = "customer")
    public List<PurchaseOrder> orders = new ArrayList<>();

    protected Customer() {}

    public Customer(String name, Address address, Preferences preferences, List<String> tags) {
        this.name = name;
        this.address = address;
        this.preferences = preferences;
        this.tags = new ArrayList<>(tags);
    }
}
