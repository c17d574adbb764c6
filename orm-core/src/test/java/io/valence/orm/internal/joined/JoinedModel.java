package io.valence.orm.internal.joined;

import io.valence.orm.internal.mapping.Metamodel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A JOINED hierarchy for the tests of orm-core: payments in "payment", each kind's own columns in a
 * table of its own, one of them renamed with {@code @Table} and its key with {@code @PrimaryKeyJoinColumn}.
 */
public final class JoinedModel {
    private JoinedModel() {}

    /** An owner of payments. */
    @Entity
    public static class Customer {
        @Id
        public Long id;

        @OneToMany(mappedBy = "customer")
        public List<Payment> payments;

        public Customer() {}

        public Customer(Long id) {
            this.id = id;
        }
    }

    /** The root: its columns are in "payment". */
    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    public abstract static class Payment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;

        @Column(nullable = false)
        public BigDecimal amount;

        @ManyToOne
        public Customer customer;
    }

    /** A subclass whose own column is NOT NULL in its own table. */
    @Entity
    public static class CardPayment extends Payment {
        @Column(nullable = false)
        public String cardNumber;

        public CardPayment() {}

        public CardPayment(String amount, String cardNumber) {
            this.amount = new BigDecimal(amount);
            this.cardNumber = cardNumber;
        }
    }

    /** A subclass with a table and key column named, and a relationship of its own. */
    @Entity
    @Table(name = "bank_transfer")
    @PrimaryKeyJoinColumn(name = "payment_id")
    public static class BankPayment extends Payment {
        public String iban;

        @ManyToOne
        public Customer payee;

        public BankPayment() {}

        public BankPayment(String amount, String iban) {
            this.amount = new BigDecimal(amount);
            this.iban = iban;
        }
    }

    /** A versioned JOINED hierarchy with an assigned key: an abstract class in the middle. */
    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    public abstract static class Asset {
        @Id
        public Long id;

        public String name;

        @Version
        public long version;
    }

    /** An abstract class of the middle, with a table of its own. */
    @Entity
    public abstract static class Vehicle extends Asset {
        public Integer wheels;
    }

    /** A leaf two levels below the root. */
    @Entity
    public static class Truck extends Vehicle {
        public Integer payload;

        public Truck() {}

        public Truck(Long id, String name, Integer wheels, Integer payload) {
            this.id = id;
            this.name = name;
            this.wheels = wheels;
            this.payload = payload;
        }
    }

    /** A leaf right below the root. */
    @Entity
    public static class Building extends Asset {
        public Integer floors;

        public Building() {}

        public Building(Long id, String name, Integer floors) {
            this.id = id;
            this.name = name;
            this.floors = floors;
        }
    }

    /** The key of a composite-key JOINED hierarchy. */
    public static class SeatKey {
        public Long hall;
        public Integer number;

        @Override
        public boolean equals(Object other) {
            return other instanceof SeatKey key && Objects.equals(hall, key.hall) && Objects.equals(number, key.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hall, number);
        }
    }

    /** The root of a composite-key JOINED hierarchy (not in {@link #METAMODEL}). */
    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    @IdClass(SeatKey.class)
    public abstract static class Seat {
        @Id
        public Long hall;

        @Id
        public Integer number;

        public String label;
    }

    /** A subclass of the composite-key hierarchy. */
    @Entity
    public static class Box extends Seat {
        public Integer places;
    }

    /** The model. */
    public static final Metamodel METAMODEL = Metamodel.of(List.of(Customer.class, Payment.class, CardPayment.class,
            BankPayment.class, Asset.class, Vehicle.class, Truck.class, Building.class));
}
