package io.valence.orm.it.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;

/** A delivery of an order line: its foreign key has one column per part of the line's key. */
@Entity
public class Delivery {
    @Id
    public Long id;

    public String address;

    @ManyToOne
    @JoinColumns({@JoinColumn(name = "line_no", referencedColumnName = "line_no"),
        @JoinColumn(name = "order_id", referencedColumnName = "order_id")})
    public OrderLine line;

    protected Delivery() {}

    public Delivery(long id, String address, OrderLine line) {
        this.id = id;
        this.address = address;
        this.line = line;
    }
}
