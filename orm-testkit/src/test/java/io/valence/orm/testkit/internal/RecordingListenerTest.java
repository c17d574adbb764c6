package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingListenerTest {

    @Test
    void transactionMethodsAreNamedAsTheSqlTheyStandFor() {
        assertThat(RecordingListener.transactionCommand("beginTransaction", null)).isEqualTo("BEGIN (Connection.beginTransaction)");
        assertThat(RecordingListener.transactionCommand("commitTransaction", new Object[0])).isEqualTo("COMMIT (Connection.commitTransaction)");
        assertThat(RecordingListener.transactionCommand("createSavepoint", new Object[] {"s1"}))
                .isEqualTo("SAVEPOINT s1 (Connection.createSavepoint)");
        assertThat(RecordingListener.transactionCommand("rollbackTransactionToSavepoint", new Object[] {"s1"}))
                .isEqualTo("ROLLBACK TO SAVEPOINT s1 (Connection.rollbackTransactionToSavepoint)");
    }

    @Test
    void otherMethodsAreNotTransactionControl() {
        assertThat(RecordingListener.transactionCommand("createStatement", new Object[] {"select 1"})).isNull();
        assertThat(RecordingListener.transactionCommand("close", null)).isNull();
    }
}
