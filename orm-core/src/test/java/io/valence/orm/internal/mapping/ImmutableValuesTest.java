package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which JSON column types need a written-form snapshot and which compare by equals. */
class ImmutableValuesTest {
    enum Colour { RED, GREEN }

    record Dimensions(int width, Integer height, String unit, BigDecimal weight) {}

    record Label(Colour colour, UUID id, LocalDate since, Instant at, Dimensions size) {}

    record Chain(String value, Chain next) {}

    record Tagged(String name, List<String> tags) {}

    record Attributes(Map<String, String> values) {}

    record HoldsAnArray(int[] sizes) {}

    static final class Bean {
        String name;
    }

    record HoldsABean(Bean bean) {}

    @Test
    void recordsOfStringsNumbersEnumsUuidsAndTimesAreDeeplyImmutable() {
        assertThat(ImmutableValues.deeply(Dimensions.class)).isTrue();
        assertThat(ImmutableValues.deeply(Label.class)).as("nested records too").isTrue();
        assertThat(ImmutableValues.deeply(Chain.class)).as("a record reaching itself").isTrue();
        assertThat(ImmutableValues.deeply(String.class)).isTrue();
    }

    @Test
    void anythingThatCanChangeInPlaceIsNot() {
        assertThat(ImmutableValues.deeply(Tagged.class)).as("a List component").isFalse();
        assertThat(ImmutableValues.deeply(Attributes.class)).as("a Map component").isFalse();
        assertThat(ImmutableValues.deeply(HoldsAnArray.class)).as("an array component").isFalse();
        assertThat(ImmutableValues.deeply(HoldsABean.class)).as("a class with fields").isFalse();
        assertThat(ImmutableValues.deeply(Map.class)).isFalse();
        assertThat(ImmutableValues.deeply(Object.class)).isFalse();
    }
}
