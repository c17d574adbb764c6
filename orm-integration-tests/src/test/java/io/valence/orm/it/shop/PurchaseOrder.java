package io.valence.orm.it.shop;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** An order of a customer, with its lines; its total is Money through the auto-applied converter. */
@Entity
public class PurchaseOrder extends BaseEntity {
    @ManyToOne(optional = false)
    public Customer customer;

    public Money total;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<OrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {}

    public PurchaseOrder(Customer customer) {
        this.customer = customer;
        this.total = new Money(0);
    }

    /** Adds a line and its price to the total. */
    public OrderLine add(String sku, int quantity, Money unitPrice) {
        OrderLine line = new OrderLine(this, sku, quantity, unitPrice);
        lines.add(line);
        total = total.plus(new Money(unitPrice.cents() * quantity));
        return line;
    }
}
