package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** One line of an order, created through {@link CustomerOrder#add}. */
@Entity
public class OrderLine extends BaseEntity {
    @ManyToOne(optional = false)
    public CustomerOrder order;

    /** 1 for the order's first line, 2 for the next, … */
    public int position;

    @Column(nullable = false, length = 40)
    public String sku;

    public int quantity;

    @Column(nullable = false)
    public Money unitPrice;

    /** For Valence. */
    protected OrderLine() {}

    OrderLine(CustomerOrder order, int position, String sku, int quantity, Money unitPrice) {
        this.order = order;
        this.position = position;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }
}
