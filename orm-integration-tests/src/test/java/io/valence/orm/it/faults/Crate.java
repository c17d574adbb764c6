package io.valence.orm.it.faults;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/**
 * The parent of the fault tests' object graph: a crate and its {@link Bottle}s, written by one
 * flush (crate first, then its bottles). {@code expected} is how many bottles it was added with,
 * so a committed crate with fewer is a partial graph ({@link Faults#assertNoPartialGraph}). Its
 * {@code code} is made unique with a check deferred to COMMIT ({@link Faults#deferUniqueCrateCodes}),
 * which lets a test hold a COMMIT in flight.
 */
@Entity
public class Crate {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String batch;

    @Column(nullable = false, length = 80)
    public String code;

    public int expected;

    @OneToMany(mappedBy = "crate")
    public List<Bottle> bottles = new ArrayList<>();

    protected Crate() {}

    /** A crate with {@code count} bottles, coded {@code code-0}, {@code code-1}, …; nothing is added to a session. */
    public static Crate withBottles(String batch, String code, int count) {
        Crate crate = new Crate();
        crate.batch = batch;
        crate.code = code;
        crate.expected = count;
        for (int i = 0; i < count; i++) {
            crate.bottles.add(new Bottle(code + "-" + i, crate));
        }
        return crate;
    }

    /** The crate and its bottles, for {@code session.addAll}. */
    public List<Object> graph() {
        List<Object> all = new ArrayList<>(bottles.size() + 1);
        all.add(this);
        all.addAll(bottles);
        return all;
    }
}
