package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpdateTest {

    static final class Child {}

    static final class Parent {}

    @Test
    void ofStartsAnUpdateWithoutAssignmentsOrCondition() {
        Update<Child> update = Update.of(Child.class);

        assertThat(update.entityType()).isEqualTo(Child.class);
        assertThat(update.assignments()).isEmpty();
        assertThat(update.where()).isEmpty();
        assertThat(update.isReturning()).isFalse();
        assertThat(update.isSynchronizeSession()).isTrue();
    }

    @Test
    void setIsRepeatableAndKeepsTheOrderOfProperties() {
        Update<Child> update = Update.of(Child.class).set("value", "x").set("position", 2);

        assertThat(update.assignments().keySet()).containsExactly("value", "position");
        assertThat(update.assignments()).containsEntry("value", "x").containsEntry("position", 2);
    }

    @Test
    void settingAPropertyAgainReplacesItsValueInPlace() {
        Update<Child> update = Update.of(Child.class).set("value", "x").set("position", 2).set("value", "y");

        assertThat(update.assignments().keySet()).containsExactly("value", "position");
        assertThat(update.assignments()).containsEntry("value", "y");
    }

    @Test
    void setAcceptsNullAndEntityValues() {
        Parent parent = new Parent();

        Update<Child> update = Update.of(Child.class).set("value", null).set("parent", parent);

        assertThat(update.assignments()).containsEntry("value", null);
        assertThat(update.assignments().get("parent")).isSameAs(parent);
    }

    @Test
    void setTakesAPropertyNameNotAPath() {
        assertThatThrownBy(() -> Update.of(Child.class).set("parent.value", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("property to set 'parent.value' is not a property name");
    }

    @Test
    void whereAndFilterByAreAnded() {
        Update<Child> update = Update.of(Child.class).filterBy("value", "x").where(Condition.lt("id", 10));

        assertThat(update.where()).contains(Condition.eq("value", "x").and(Condition.lt("id", 10)));
    }

    @Test
    void returningAndSynchronizeSessionAreRecorded() {
        Dml<Child> update = Update.of(Child.class).set("value", "x").returning().synchronizeSession(false);

        assertThat(update.isReturning()).isTrue();
        assertThat(update.isSynchronizeSession()).isFalse();
    }

    @Test
    void builderCallsNeverChangeTheOriginal() {
        Update<Child> base = Update.of(Child.class).set("value", "x");

        base.set("value", "y");
        base.set("position", 1);
        base.filterBy("id", 1);
        base.returning();
        base.synchronizeSession(false);

        assertThat(base).isEqualTo(Update.of(Child.class).set("value", "x"));
    }

    @Test
    void updatesBuiltAlikeAreEqualWithEqualHashCodes() {
        Update<Child> first = Update.of(Child.class).set("value", "x").filterBy("id", 1);
        Update<Child> second = Update.of(Child.class).set("value", "x").filterBy("id", 1);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(second.returning());
    }

    @Test
    void assignmentsCannotBeChangedThroughTheAccessor() {
        Update<Child> update = Update.of(Child.class).set("value", "x");

        assertThatThrownBy(() -> update.assignments().put("value", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringLeavesValuesOut() {
        String text = Update.of(Child.class).set("value", "secret").filterBy("key", "hidden").toString();

        assertThat(text).contains("Child", "value", "key").doesNotContain("secret", "hidden");
    }
}
