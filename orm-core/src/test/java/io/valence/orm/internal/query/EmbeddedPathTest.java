package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditions and orders name a column of an embedded value by its path, also behind a many-to-one. */
class EmbeddedPathTest {

    @Embeddable
    static class Address {
        String street;
        String city;
    }

    @Entity
    static class Customer {
        @Id
        Long id;

        Address address;
    }

    @Entity
    static class Purchase {
        @Id
        Long id;

        @ManyToOne
        Customer customer;
    }

    private final SelectRenderer renderer = new SelectRenderer(Metamodel.of(List.of(Customer.class, Purchase.class)));

    @Test
    void anEmbeddedPathIsAColumnOfTheEntitysOwnTable() {
        SqlStatement statement = renderer.render(Select.from(Customer.class)
                .where(Condition.eq("address.city", "Lyon"))
                .orderBy("address.street")).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"street\", t0.\"city\" FROM \"customer\" AS t0"
                + " WHERE t0.\"city\" = $1 ORDER BY t0.\"street\" ASC");
        assertThat(values(statement)).containsExactly("Lyon");
    }

    @Test
    void anEmbeddedPathBehindAManyToOneJoinsItsTable() {
        SqlStatement statement = renderer.render(Select.from(Purchase.class)
                .where(Condition.eq("customer.address.city", "Lyon"))).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"customer_id\" FROM \"purchase\" AS t0"
                + " LEFT OUTER JOIN \"customer\" AS t1 ON t1.\"id\" = t0.\"customer_id\" WHERE t1.\"city\" = $1");
    }
}
