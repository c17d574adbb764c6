package io.valence.orm.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements a planned step binds: one array per column, whatever the number of rows. */
class FlushStatementsTest {
    /** A table with a bytea column. */
    @Entity
    static class Blob {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        byte[] data;

        Blob() {}

        Blob(byte[] data) {
            this.data = data;
        }
    }

    private static final Metamodel METAMODEL = Metamodel.of(List.of(Blob.class));

    private List<BoundStep> bindInserts(Object... entities) {
        UnitOfWork unitOfWork = new UnitOfWork(METAMODEL);
        for (Object entity : entities) {
            unitOfWork.add(entity);
        }
        FlushPlan plan = new FlushPlanner(METAMODEL).plan(new ChangeCollector(unitOfWork).collect());
        return new FlushStatements().bind(plan.steps().get(0), unitOfWork.values());
    }

    @Test
    void byteArraysAreBoundAsHexTextCastToByteaBecauseTheDriverCorruptsByteaArrays() {
        List<BoundStep> bound = bindInserts(new Blob(new byte[] {0, 10, -1}), new Blob(null), new Blob(new byte[0]));

        SqlStatement statement = bound.get(0).statement();
        assertThat(statement.sql()).contains("unnest($1::text[]::bytea[]) WITH ORDINALITY");
        assertThat(statement.binds()).singleElement().satisfies(bind -> {
            assertThat(bind.type()).isEqualTo(String[].class);
            assertThat((Object[]) bind.value()).containsExactly("\\x000aff", null, "\\x");
        });
    }

    @Test
    void oneStatementCarriesEveryRowOfAStep() {
        Object[] blobs = new Object[2_000];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new Blob(new byte[] {(byte) i});
        }

        List<BoundStep> bound = bindInserts(blobs);

        assertThat(bound).singleElement().satisfies(step -> {
            assertThat(step.rows()).hasSize(2_000);
            assertThat(((Object[]) step.statement().binds().get(0).value())).hasSize(2_000);
        });
    }
}
