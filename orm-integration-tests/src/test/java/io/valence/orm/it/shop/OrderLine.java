package io.valence.orm.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** One line of an order. */
@Entity
public class OrderLine extends BaseEntity {
    @ManyToOne(optional = false)
    public PurchaseOrder order;

    public String sku;
    public int quantity;
    public Money unitPrice;

    protected OrderLine() {}

    OrderLine(PurchaseOrder order, String sku, int quantity, Money unitPrice) {
        this.order = order;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }
}
