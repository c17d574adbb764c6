package io.valence.examples.webflux.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * An order of a customer with its lines (table {@code customer_order}: {@code order} is a keyword).
 * Adding the order adds its lines too ({@code cascade}); its total is {@link Money}.
 */
@Entity
public class CustomerOrder extends BaseEntity {
    @ManyToOne(optional = false)
    public Customer customer;

    @Column(nullable = false)
    public Money total;

    /** In the order they were added: loading sorts them by their position. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderLine> lines = new ArrayList<>();

    /** For Valence. */
    protected CustomerOrder() {}

    /**
     * Creates a transient order without lines.
     *
     * @param customer who orders
     */
    public CustomerOrder(Customer customer) {
        this.customer = customer;
        this.total = Money.ZERO;
    }

    /**
     * Adds a line and its price to the total.
     *
     * @param sku the article
     * @param quantity how many
     * @param unitPrice the price of one
     * @return the new line
     */
    public OrderLine add(String sku, int quantity, Money unitPrice) {
        OrderLine line = new OrderLine(this, lines.size() + 1, sku, quantity, unitPrice);
        lines.add(line);
        total = total.plus(unitPrice.times(quantity));
        return line;
    }
}
