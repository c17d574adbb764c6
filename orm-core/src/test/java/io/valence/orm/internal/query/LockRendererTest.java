package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import org.junit.jupiter.api.Test;

class LockRendererTest {
    private static final String CHILD = "SELECT t0.\"id\", t0.\"value\", t0.\"parent_id\" FROM \"child\" AS t0";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    private String sql(Select<?> select) {
        return renderer.render(select).statement().sql();
    }

    @Test
    void forUpdateLocksTheQueriedRowsAfterLimit() {
        assertThat(sql(Select.from(Child.class).orderBy("id").limit(100).forUpdate().skipLocked()))
                .isEqualTo(CHILD + " ORDER BY t0.\"id\" ASC LIMIT $1 FOR UPDATE OF t0 SKIP LOCKED");
        assertThat(sql(Select.from(Child.class).forShare().noWait())).isEqualTo(CHILD + " FOR SHARE OF t0 NOWAIT");
        assertThat(sql(Select.from(Child.class).forUpdate())).isEqualTo(CHILD + " FOR UPDATE OF t0");
    }

    @Test
    void ofAddsTheTablesOfJoinedPaths() {
        assertThat(sql(Select.from(Child.class).join("parent").forUpdate().of("parent")))
                .isEqualTo(CHILD + " INNER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" FOR UPDATE OF t0, t1");
    }

    @Test
    void aLockWithALoadJoinLocksOnlyTheRootSoTheOuterJoinIsAllowed() {
        assertThat(sql(Select.from(Child.class).options(Load.joined("parent")).forUpdate()))
                .endsWith("LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" FOR UPDATE OF t0");
    }

    @Test
    void aLockOfAPathTheQueryDoesNotJoinFails() {
        assertThatThrownBy(() -> sql(Select.from(Child.class).forUpdate().of("parent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the lock of a query of Child names \"parent\", which the query does not join; join it with"
                        + " Select.join(\"parent\") or leave it out of Select.of(…)");
    }

    @Test
    void refiningALockThatWasNotTakenFailsAtTheCall() {
        assertThatThrownBy(() -> Select.from(Child.class).skipLocked())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("skipLocked() refines a lock, but this query takes none; call forUpdate() or forShare() first");
    }

    @Test
    void countLeavesTheLockOut() {
        assertThat(renderer.count(Select.from(Child.class).forUpdate()).sql())
                .isEqualTo("SELECT count(*) FROM \"child\" AS t0");
    }
}
