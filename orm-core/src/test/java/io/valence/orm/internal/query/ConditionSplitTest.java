package io.valence.orm.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.query.ConditionSplit.ValueSlot;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Condition.And;
import io.valence.orm.query.Condition.Comparison;
import io.valence.orm.query.Condition.In;
import io.valence.orm.query.Condition.Not;
import io.valence.orm.query.Condition.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionSplitTest {

    @Test
    void valuesAreReplacedBySlotsNumberedDepthFirst() {
        Condition condition = Condition.eq("value", "x").and(Condition.gt("id", 3).negate());

        ConditionSplit split = ConditionSplit.of(condition);

        assertThat(split.shape())
                .isEqualTo(new And(List.of(
                        new Comparison("value", Operator.EQ, new ValueSlot(0)),
                        new Not(new Comparison("id", Operator.GT, new ValueSlot(1))))));
        assertThat(split.values()).containsExactly("x", 3);
    }

    @Test
    void conditionsDifferingOnlyInValuesHaveEqualShapes() {
        Condition first = Condition.eq("value", "x").or(Condition.isNull("parent"));
        Condition second = Condition.eq("value", "y").or(Condition.isNull("parent"));

        assertThat(first).isNotEqualTo(second);
        assertThat(ConditionSplit.of(first).shape()).isEqualTo(ConditionSplit.of(second).shape());
    }

    @Test
    void anInListIsOneValueSoListsOfEveryLengthShareAShape() {
        ConditionSplit two = ConditionSplit.of(Condition.in("key", "a", "b").and(Condition.like("value", "v%")));
        ConditionSplit none = ConditionSplit.of(Condition.in("key", List.of()).and(Condition.like("value", "w%")));

        assertThat(two.shape())
                .isEqualTo(new And(List.of(
                        new In("key", List.of(new ValueSlot(0))),
                        new Comparison("value", Operator.LIKE, new ValueSlot(1)))));
        assertThat(none.shape()).isEqualTo(two.shape());
        assertThat(two.values()).containsExactly(List.of("a", "b"), "v%");
    }

    @Test
    void nullChecksHoldNoValue() {
        Condition condition = Condition.isNull("parent");

        assertThat(ConditionSplit.of(condition).shape()).isEqualTo(condition);
        assertThat(ConditionSplit.of(condition).values()).isEmpty();
    }

    @Test
    void noConditionSplitsIntoNothing() {
        assertThat(ConditionSplit.of((io.valence.orm.query.Condition) null)).isEqualTo(ConditionSplit.NONE);
    }
}
