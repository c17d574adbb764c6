package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.query.Condition.And;
import io.valence.orm.query.Condition.Comparison;
import io.valence.orm.query.Condition.In;
import io.valence.orm.query.Condition.IsNotNull;
import io.valence.orm.query.Condition.IsNull;
import io.valence.orm.query.Condition.Not;
import io.valence.orm.query.Condition.Operator;
import io.valence.orm.query.Condition.Or;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

    static final class Parent {}

    @Test
    void eqWithNullBecomesIsNull() {
        assertThat(Condition.eq("parent", null)).isEqualTo(new IsNull("parent"));
    }

    @Test
    void neWithNullBecomesIsNotNull() {
        assertThat(Condition.ne("parent", null)).isEqualTo(new IsNotNull("parent"));
    }

    @Test
    void eachComparisonFactoryCarriesItsOperator() {
        assertThat(List.of(
                        Condition.eq("id", 1),
                        Condition.ne("id", 1),
                        Condition.lt("id", 1),
                        Condition.le("id", 1),
                        Condition.gt("id", 1),
                        Condition.ge("id", 1),
                        Condition.like("value", "a%")))
                .containsExactly(
                        new Comparison("id", Operator.EQ, 1),
                        new Comparison("id", Operator.NE, 1),
                        new Comparison("id", Operator.LT, 1),
                        new Comparison("id", Operator.LE, 1),
                        new Comparison("id", Operator.GT, 1),
                        new Comparison("id", Operator.GE, 1),
                        new Comparison("value", Operator.LIKE, "a%"));
    }

    @Test
    void orderingComparisonWithNullIsRejectedPointingAtIsNull() {
        assertThatThrownBy(() -> Condition.lt("id", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Condition.isNull(\"id\")");
    }

    @Test
    void valuesMayBeEntityInstances() {
        Parent parent = new Parent();

        Comparison comparison = (Comparison) Condition.eq("parent", parent);

        assertThat(comparison.value()).isSameAs(parent);
    }

    @Test
    void inAcceptsACollectionOrInlineValuesAlike() {
        assertThat(Condition.in("key", List.of("a", "b"))).isEqualTo(Condition.in("key", "a", "b"));
    }

    @Test
    void emptyInIsAllowed() {
        assertThat(((In) Condition.in("key", List.of())).values()).isEmpty();
    }

    @Test
    void inWithANullValueIsRejectedPointingAtIsNull() {
        assertThatThrownBy(() -> Condition.in("key", "a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Condition.isNull(\"key\")");
    }

    @Test
    void inCopiesTheCollectionItWasGiven() {
        List<Object> keys = new ArrayList<>(List.of("a"));
        In in = (In) Condition.in("key", keys);

        keys.add("b");

        assertThat(in.values()).containsExactly("a");
        assertThatThrownBy(() -> in.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nestedAndsAreFlattened() {
        Condition a = Condition.eq("a", 1);
        Condition b = Condition.eq("b", 2);
        Condition c = Condition.eq("c", 3);

        assertThat(a.and(b).and(c)).isEqualTo(new And(List.of(a, b, c)));
        assertThat(Condition.and(a, Condition.and(b, c))).isEqualTo(new And(List.of(a, b, c)));
    }

    @Test
    void orInsideAndStaysNested() {
        Condition a = Condition.eq("a", 1);
        Condition b = Condition.eq("b", 2);
        Condition c = Condition.eq("c", 3);

        assertThat(a.or(b).and(c)).isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
    }

    @Test
    void andOrOrOfOneConditionIsThatCondition() {
        Condition a = Condition.eq("a", 1);

        assertThat(Condition.and(new Condition[] {a})).isSameAs(a);
        assertThat(Condition.or(new Condition[] {a})).isSameAs(a);
    }

    @Test
    void andOrOrWithoutConditionsIsRejected() {
        assertThatThrownBy(() -> Condition.and()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.or()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combiningNeverChangesEitherSide() {
        Condition a = Condition.eq("a", 1);
        Condition b = Condition.eq("b", 2);

        a.and(b);
        a.or(b);
        a.negate();

        assertThat(a).isEqualTo(new Comparison("a", Operator.EQ, 1));
        assertThat(b).isEqualTo(new Comparison("b", Operator.EQ, 2));
    }

    @Test
    void negateWrapsInNotAndDoubleNegationCancelsOut() {
        Condition a = Condition.eq("a", 1);

        assertThat(a.negate()).isEqualTo(new Not(a));
        assertThat(a.negate().negate()).isEqualTo(a);
        assertThat(Condition.not(a)).isEqualTo(a.negate());
    }

    @Test
    void negatingIsNullGivesIsNotNullAndBack() {
        assertThat(Condition.isNull("parent").negate()).isEqualTo(Condition.isNotNull("parent"));
        assertThat(Condition.isNotNull("parent").negate()).isEqualTo(Condition.isNull("parent"));
    }

    @Test
    void conditionsBuiltAlikeAreEqualWithEqualHashCodes() {
        Condition first = Condition.eq("value", "x").or(Condition.in("id", 1, 2));
        Condition second = Condition.eq("value", "x").or(Condition.in("id", List.of(1, 2)));

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void toStringLeavesValuesOut() {
        Condition condition = Condition.eq("value", "secret").and(Condition.in("key", "hidden", "other"));

        assertThat(condition.toString())
                .isEqualTo("And[conditions=[Comparison[path=value, operator=EQ, value=?], In[path=key, values=2 values]]]");
    }

    @Test
    void pathsThroughManyToOnesAreAccepted() {
        assertThat(Condition.eq("parent.owner.name", "x"))
                .isEqualTo(new Comparison("parent.owner.name", Operator.EQ, "x"));
    }

    @Test
    void malformedPathsAreRejectedShowingTheForm() {
        for (String path : List.of("parent..value", ".value", "value.", "va lue", "1value", "value;drop")) {
            assertThatThrownBy(() -> Condition.eq(path, 1))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("property path '" + path + "' is not a property path: it must be Java field names"
                            + " separated by dots, such as \"value\" or \"parent.value\"");
        }
    }

    @Test
    void blankOrNullPathIsRejected() {
        assertThatThrownBy(() -> Condition.isNull(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("property path must not be blank");
        assertThatThrownBy(() -> Condition.isNull(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("property path must not be null");
    }
}
