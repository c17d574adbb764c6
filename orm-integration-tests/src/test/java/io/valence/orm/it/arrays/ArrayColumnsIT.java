package io.valence.orm.it.arrays;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Arrays of strings, longs, ints and UUIDs, as arrays and Lists: round trip, in-place changes, batching, conditions. */
@ValenceTest(entities = Bag.class)
class ArrayColumnsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final UUID A = UUID.fromString("0190a5d4-0000-7000-8000-000000000001");
    private static final UUID B = UUID.fromString("0190a5d4-0000-7000-8000-000000000002");

    private static Bag bag(String label) {
        Bag bag = new Bag(label);
        bag.names = new String[] {"plain", "with \"quotes\", commas and \\ backslash", null, "{braces}"};
        bag.counts = new ArrayList<>(List.of(1L, Long.MAX_VALUE));
        bag.sizes = new long[] {3, 4};
        bag.ints = new int[] {5};
        bag.boxed = new Integer[] {6, null};
        bag.ratings = new ArrayList<>(List.of(7, 8));
        bag.refs = new UUID[] {A};
        bag.links = new ArrayList<>(List.of(A, B));
        return bag;
    }

    @Test
    void theCreatedSchemaValidatesAgainstTheMapping(SessionFactory factory) {
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void everyShapeRoundTripsAndManyRowsGoOutInOneInsert(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        List<Bag> bags = List.of(bag("rt-1"), bag("rt-2"), bag("rt-3"));
        factory.inTransaction(session -> {
            session.addAll(bags);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);

        Bag read = factory.withSession(session -> session.get(Bag.class, bags.get(1).id)).block(TIMEOUT);

        assertThat(read.names).containsExactly(bags.get(1).names);
        assertThat(read.counts).containsExactly(1L, Long.MAX_VALUE);
        assertThat(read.sizes).containsExactly(3, 4);
        assertThat(read.ints).containsExactly(5);
        assertThat(read.boxed).containsExactly(6, null);
        assertThat(read.ratings).containsExactly(7, 8);
        assertThat(read.refs).containsExactly(A);
        assertThat(read.links).containsExactly(A, B);
    }

    @Test
    void elementsChangedInPlaceAreUpdatedAndNothingElse(SessionFactory factory, StatementRecorder recorder) {
        Bag bag = bag("in-place");
        factory.inTransaction(session -> {
            session.add(bag);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> session.get(Bag.class, bag.id).doOnNext(loaded -> {
            loaded.sizes[1] = 40;
            loaded.links.remove(B);
            loaded.names[0] = "changed";
        })).block(TIMEOUT);
        factory.inTransaction(session -> session.get(Bag.class, bag.id)).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("names", "sizes", "links");
        Bag read = factory.withSession(session -> session.get(Bag.class, bag.id)).block(TIMEOUT);
        assertThat(read.sizes).containsExactly(3, 40);
        assertThat(read.links).containsExactly(A);
        assertThat(read.names[0]).isEqualTo("changed");
    }

    @Test
    void arrayConditionsMatchOnEveryElementType(SessionFactory factory) {
        Bag other = bag("cond-other");
        other.sizes = new long[] {99};
        other.links = new ArrayList<>(List.of(B));
        other.names = new String[] {"x"};
        factory.inTransaction(session -> {
            session.addAll(List.of(bag("cond-one"), other));
            return Mono.empty();
        }).block(TIMEOUT);

        assertThat(labels(factory, Condition.arrayContains("sizes", List.of(3L, 4L)))).contains("cond-one")
                .doesNotContain("cond-other");
        assertThat(labels(factory, Condition.arrayAny("sizes", 99L))).containsExactly("cond-other");
        assertThat(labels(factory, Condition.arrayOverlaps("links", List.of(A)))).contains("cond-one")
                .doesNotContain("cond-other");
        assertThat(labels(factory, Condition.arrayAny("names", "x"))).containsExactly("cond-other");
        assertThat(labels(factory, Condition.arrayContains("ratings", List.of(8))).stream()
                .filter(label -> label.startsWith("cond-")).toList()).containsExactlyInAnyOrder("cond-one", "cond-other");
    }

    private static List<String> labels(SessionFactory factory, Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Bag.class).where(condition).orderBy("label"))
                .map(bag -> bag.label).collectList()).block(TIMEOUT);
    }
}
