package io.valence.orm.it.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/**
 * A wide row of 20 columns (a list screen needs three of them): a status and region to group by,
 * an amount and a quantity to aggregate, a customer to project through, and fourteen columns the
 * projections must not read.
 */
@Entity
public class Sale {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String region;
    public String status;

    @Column(precision = 12, scale = 2)
    public BigDecimal amount;

    public Integer quantity;

    @ManyToOne
    public Customer customer;

    public String f01 = "x";
    public String f02 = "x";
    public String f03 = "x";
    public String f04 = "x";
    public String f05 = "x";
    public String f06 = "x";
    public String f07 = "x";
    public String f08 = "x";
    public String f09 = "x";
    public String f10 = "x";
    public String f11 = "x";
    public String f12 = "x";
    public String f13 = "x";
    public String f14 = "x";

    protected Sale() {}

    public Sale(String region, String status, BigDecimal amount, Integer quantity, Customer customer) {
        this.region = region;
        this.status = status;
        this.amount = amount;
        this.quantity = quantity;
        this.customer = customer;
    }
}
