package io.valence.orm.it.inheritance;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The root of a SINGLE_TABLE hierarchy: every payment is a row of "payment", told apart by "kind". */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 20)
public abstract class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal amount;

    @ManyToOne
    public Account account;

    /** The payment this one corrects, of any kind: a reference within the hierarchy. */
    @ManyToOne
    public Payment original;

    @Version
    public long version;

    /** Set when the object is added: callbacks of the root run for every subclass. */
    public Instant addedAt;

    @PrePersist
    void added() {
        addedAt = Instant.now();
    }

    protected Payment() {}

    protected Payment(Account account, String amount) {
        this.account = account;
        this.amount = new BigDecimal(amount);
    }
}
