package io.valence.orm.it.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** An order line keyed by (order_id, line_no) through an {@code @IdClass}, versioned, referring to a product,
 * with deliveries referring to it. */
@Entity
@IdClass(OrderLineKey.class)
public class OrderLine {
    @Id
    public Long orderId;

    @Id
    public Integer lineNo;

    @Column(nullable = false)
    public int quantity;

    @ManyToOne
    public Product product;

    @Version
    public Long version;

    @OneToMany(mappedBy = "line")
    public List<Delivery> deliveries = new ArrayList<>();

    protected OrderLine() {}

    public OrderLine(long orderId, int lineNo, int quantity, Product product) {
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.quantity = quantity;
        this.product = product;
    }
}
