package io.valence.orm.it.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A row whose code the tests make unique with a DEFERRABLE INITIALLY DEFERRED constraint (see
 * {@link Blocker#deferUniqueVoucherCodes}): the check runs at COMMIT, which then waits for another
 * transaction holding the same code. The tests use it to hold a COMMIT in flight.
 */
@Entity
public class Voucher {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String code;

    protected Voucher() {}

    public Voucher(String code) {
        this.code = code;
    }
}
