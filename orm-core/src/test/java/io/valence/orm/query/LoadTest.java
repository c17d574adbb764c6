package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void joinedAndSelectInStartAnOptionWithOneStep() {
        assertThat(Load.joined("parent").steps()).containsExactly(new LoadStep("parent", LoadStrategy.JOINED));
        assertThat(Load.selectIn("children").steps())
                .containsExactly(new LoadStep("children", LoadStrategy.SELECT_IN));
    }

    @Test
    void chainedLoadKeepsStepsInOrder() {
        LoadOption option = Load.selectIn("children").joined("parent").selectIn("siblings");

        assertThat(option.steps())
                .containsExactly(
                        new LoadStep("children", LoadStrategy.SELECT_IN),
                        new LoadStep("parent", LoadStrategy.JOINED),
                        new LoadStep("siblings", LoadStrategy.SELECT_IN));
    }

    @Test
    void chainingNeverChangesTheOriginal() {
        LoadOption children = Load.selectIn("children");

        children.joined("parent");

        assertThat(children.steps()).hasSize(1);
    }

    @Test
    void optionsWithEqualStepsAreEqual() {
        assertThat(Load.selectIn("children").joined("parent"))
                .isEqualTo(Load.selectIn("children").joined("parent"))
                .hasSameHashCodeAs(Load.selectIn("children").joined("parent"))
                .isNotEqualTo(Load.joined("children").joined("parent"));
    }

    @Test
    void dottedRelationshipIsRejectedPointingAtChaining() {
        assertThatThrownBy(() -> Load.selectIn("children.parent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relationship 'children.parent' is a path; name one relationship per step and chain"
                        + " the steps, for example Load.selectIn(\"children\").joined(\"parent\")");
    }

    @Test
    void blankOrNullRelationshipIsRejected() {
        assertThatThrownBy(() -> Load.joined(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relationship must not be blank");
        assertThatThrownBy(() -> Load.selectIn("children").joined(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("relationship must not be null");
    }

    @Test
    void stepsCannotBeChangedThroughTheAccessor() {
        assertThatThrownBy(() -> Load.joined("parent").steps().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
