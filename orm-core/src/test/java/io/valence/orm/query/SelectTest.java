package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SelectTest {

    static final class Child {}

    @Test
    void fromStartsAQueryWithNothingButTheEntityType() {
        Select<Child> select = Select.from(Child.class);

        assertThat(select.entityType()).isEqualTo(Child.class);
        assertThat(select.where()).isEmpty();
        assertThat(select.joins()).isEmpty();
        assertThat(select.loadOptions()).isEmpty();
        assertThat(select.orders()).isEmpty();
        assertThat(select.limit()).isEmpty();
        assertThat(select.offset()).isEmpty();
        assertThat(select.isPopulateExisting()).isFalse();
    }

    @Test
    void filterByTwiceAndsBothConditions() {
        Select<Child> select = Select.from(Child.class).filterBy("value", "x").filterBy("parent.value", "p");

        assertThat(select.where()).contains(Condition.eq("value", "x").and(Condition.eq("parent.value", "p")));
    }

    @Test
    void filterByNullMeansIsNull() {
        assertThat(Select.from(Child.class).filterBy("parent", null).where()).contains(Condition.isNull("parent"));
    }

    @Test
    void whereIsAndedWithWhatIsThere() {
        Condition recent = Condition.gt("id", 10).or(Condition.isNull("parent"));

        Select<Child> select = Select.from(Child.class).filterBy("value", "x").where(recent);

        assertThat(select.where()).contains(Condition.and(Condition.eq("value", "x"), recent));
    }

    @Test
    void builderCallsNeverChangeTheOriginal() {
        Select<Child> base = Select.from(Child.class);

        base.filterBy("value", "x");
        base.where(Condition.isNull("parent"));
        base.join("parent");
        base.options(Load.joined("parent"));
        base.orderBy("id");
        base.orderBy(Order.desc("id"));
        base.limit(1);
        base.offset(1);
        base.populateExisting();

        assertThat(base).isEqualTo(Select.from(Child.class));
    }

    @Test
    void joinsKeepTheirOrderAndAJoinRepeatedCountsOnce() {
        Select<Child> select = Select.from(Child.class).join("parent").join("parent.owner").join("parent");

        assertThat(select.joins()).containsExactly("parent", "parent.owner");
    }

    @Test
    void malformedJoinPathIsRejected() {
        assertThatThrownBy(() -> Select.from(Child.class).join("parent."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("join path 'parent.' is not a property path");
    }

    @Test
    void optionsAccumulateInOrder() {
        Select<Child> select = Select.from(Child.class)
                .options(Load.joined("parent"))
                .options(Load.selectIn("siblings").joined("parent"));

        assertThat(select.loadOptions())
                .containsExactly(Load.joined("parent"), Load.selectIn("siblings").joined("parent"));
    }

    @Test
    void nullLoadOptionIsRejected() {
        assertThatThrownBy(() -> Select.from(Child.class).options(Load.joined("parent"), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("load options must not contain null");
    }

    @Test
    void orderByNamesIsAscendingAndAppendsToEarlierOrders() {
        Select<Child> select = Select.from(Child.class).orderBy(Order.desc("id")).orderBy("parent.value", "value");

        assertThat(select.orders())
                .containsExactly(Order.desc("id"), Order.asc("parent.value"), Order.asc("value"));
    }

    @Test
    void orderCarriesItsPathAndDirection() {
        assertThat(Order.desc("id")).isEqualTo(new Order(Expression.property("id"), Order.Direction.DESC, Order.Nulls.DEFAULT));
        assertThat(Order.asc("parent.value").direction()).isEqualTo(Order.Direction.ASC);
        assertThatThrownBy(() -> Order.asc("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitAndOffsetArePresentOnceGivenAndTheLatestWins() {
        Select<Child> select = Select.from(Child.class).limit(10).offset(20).limit(0);

        assertThat(select.limit()).isEqualTo(OptionalLong.of(0));
        assertThat(select.offset()).isEqualTo(OptionalLong.of(20));
    }

    @Test
    void negativeLimitOrOffsetIsRejected() {
        assertThatThrownBy(() -> Select.from(Child.class).limit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must not be negative, was -1");
        assertThatThrownBy(() -> Select.from(Child.class).offset(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must not be negative, was -5");
    }

    @Test
    void populateExistingIsOffUntilAskedFor() {
        assertThat(Select.from(Child.class).populateExisting().isPopulateExisting()).isTrue();
    }

    @Test
    void queriesBuiltAlikeAreEqualWithEqualHashCodes() {
        Select<Child> first = Select.from(Child.class)
                .filterBy("value", "x")
                .join("parent")
                .options(Load.joined("parent"))
                .orderBy("id")
                .limit(5);
        Select<Child> second = Select.from(Child.class)
                .filterBy("value", "x")
                .join("parent")
                .options(Load.joined("parent"))
                .orderBy(Order.asc("id"))
                .limit(5);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(second.offset(0));
    }

    @Test
    void accessorListsCannotBeChanged() {
        Select<Child> select = Select.from(Child.class).join("parent").orderBy("id");

        assertThatThrownBy(() -> select.joins().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> select.orders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> select.loadOptions().add(Load.joined("parent")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsTheConditionButNotItsValues() {
        String text = Select.from(Child.class).filterBy("value", "secret").toString();

        assertThat(text).contains("Child", "Comparison[path=value, operator=EQ, value=?]").doesNotContain("secret");
    }

    @Test
    void nullArgumentsAreRejectedNamingThem() {
        assertThatThrownBy(() -> Select.from(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("entity type must not be null");
        assertThatThrownBy(() -> Select.from(Child.class).where(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("condition must not be null");
        assertThatThrownBy(() -> Select.from(Child.class).orderBy((String) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("property path must not be null");
    }

    @Test
    void selectsOfDifferentEntityTypesDiffer() {
        assertThat(Select.from(Child.class)).isNotEqualTo(Select.from(Object.class));
    }
}
