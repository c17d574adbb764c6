package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeleteTest {

    static final class Child {}

    @Test
    void fromStartsADeleteWithoutCondition() {
        Delete<Child> delete = Delete.from(Child.class);

        assertThat(delete.entityType()).isEqualTo(Child.class);
        assertThat(delete.where()).isEmpty();
        assertThat(delete.isReturning()).isFalse();
        assertThat(delete.isSynchronizeSession()).isTrue();
    }

    @Test
    void whereAndFilterByAreAnded() {
        Delete<Child> delete = Delete.from(Child.class).where(Condition.isNull("parent")).filterBy("value", "x");

        assertThat(delete.where()).contains(Condition.isNull("parent").and(Condition.eq("value", "x")));
    }

    @Test
    void filterByNullMeansIsNull() {
        assertThat(Delete.from(Child.class).filterBy("parent", null).where()).contains(Condition.isNull("parent"));
    }

    @Test
    void returningAndSynchronizeSessionAreRecorded() {
        Dml<Child> delete = Delete.from(Child.class).returning().synchronizeSession(false);

        assertThat(delete.isReturning()).isTrue();
        assertThat(delete.isSynchronizeSession()).isFalse();
    }

    @Test
    void builderCallsNeverChangeTheOriginal() {
        Delete<Child> base = Delete.from(Child.class);

        base.filterBy("id", 1);
        base.returning();
        base.synchronizeSession(false);

        assertThat(base).isEqualTo(Delete.from(Child.class));
    }

    @Test
    void deletesBuiltAlikeAreEqualWithEqualHashCodes() {
        Delete<Child> first = Delete.from(Child.class).filterBy("id", 1);
        Delete<Child> second = Delete.from(Child.class).filterBy("id", 1);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(Delete.from(Child.class).filterBy("id", 2));
    }

    @Test
    void nullArgumentsAreRejectedNamingThem() {
        assertThatThrownBy(() -> Delete.from(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("entity type must not be null");
        assertThatThrownBy(() -> Delete.from(Child.class).where(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("condition must not be null");
    }
}
