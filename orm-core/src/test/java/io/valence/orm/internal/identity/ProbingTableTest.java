package io.valence.orm.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The session's probing hash table in its {@code equals} mode, checked against {@link HashMap}. */
class ProbingTableTest {

    /** A key whose hash is chosen, so that keys collide and share probe runs. */
    private record Colliding(int hash, int value) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void anEqualKeyFindsTheValueAndReplacesIt() {
        ProbingTable<EntityKey, String> table = ProbingTable.byEquality();

        assertThat(table.put(new EntityKey(String.class, 7L), "first")).isNull();
        assertThat(table.get(new EntityKey(String.class, 7L))).isEqualTo("first");
        assertThat(table.put(new EntityKey(String.class, 7L), "second")).isEqualTo("first");

        assertThat(table.get(new EntityKey(String.class, 7L))).isEqualTo("second");
        assertThat(table.get(new EntityKey(Integer.class, 7L))).as("another type, same id").isNull();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void randomPutsAndRemovesOfCollidingKeysAgreeWithHashMap() {
        ProbingTable<Colliding, Integer> table = ProbingTable.byEquality();
        Map<Colliding, Integer> expected = new HashMap<>();
        List<Colliding> keys = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 5_000; step++) {
            if (keys.isEmpty() || random.nextInt(3) > 0) {
                Colliding key = new Colliding(random.nextInt(64), step); // long shared probe runs
                keys.add(key);
                table.put(key, step);
                expected.put(key, step);
            } else {
                Colliding removed = keys.remove(random.nextInt(keys.size()));
                assertThat(table.remove(new Colliding(removed.hash(), removed.value()))).isEqualTo(expected.remove(removed));
                assertThat(table.get(removed)).isNull();
            }
        }

        assertThat(table.size()).isEqualTo(expected.size());
        for (Colliding key : keys) {
            assertThat(table.get(new Colliding(key.hash(), key.value()))).isEqualTo(expected.get(key));
        }
        assertThat(table.remove(new Colliding(1, -1))).isNull();
    }

    @Test
    void clearForgetsEveryKey() {
        ProbingTable<EntityKey, String> table = ProbingTable.byEquality();
        for (long id = 0; id < 100; id++) {
            table.put(new EntityKey(String.class, id), "row " + id);
        }

        table.clear();

        assertThat(table.size()).isZero();
        assertThat(table.get(new EntityKey(String.class, 1L))).isNull();
    }

    @Test
    void aClearedTableTakesKeysAgainAndRemovesNothingWhileEmpty() {
        ProbingTable<EntityKey, String> table = ProbingTable.byEquality();
        assertThat(table.remove(new EntityKey(String.class, 1L))).isNull();
        table.put(new EntityKey(String.class, 1L), "first");
        table.clear();

        assertThat(table.remove(new EntityKey(String.class, 1L))).isNull();
        for (long id = 0; id < 100; id++) {
            table.put(new EntityKey(String.class, id), "again " + id);
        }

        assertThat(table.size()).isEqualTo(100);
        assertThat(table.get(new EntityKey(String.class, 42L))).isEqualTo("again 42");
    }

    @Test
    void longIdsAreFoundByTheirValueAndNotByAnIntegerOfTheSameValue() {
        ProbingTable<Object, String> table = ProbingTable.byEquality();
        for (long id = 0; id < 1_000; id++) {
            assertThat(table.get(id + 1_000)).isNull();
            table.put(id + 1_000, "row " + id); // above Long's cache: every boxing is a new object
        }

        assertThat(table.get(1_500L)).isEqualTo("row 500");
        assertThat(table.get(1_500)).as("an Integer is not equal to a Long").isNull();
        assertThat(table.get(0L)).as("the code of an empty slot is 0 too").isNull();
        table.put(0L, "zero");
        assertThat(table.get(0L)).isEqualTo("zero");
        assertThat(table.size()).isEqualTo(1_001);
    }

    @Test
    void getsPutsAndRemovesOfLongsMixedWithOtherKeysAgreeWithHashMap() {
        ProbingTable<Object, Integer> table = ProbingTable.byEquality();
        Map<Object, Integer> expected = new HashMap<>();
        Random random = new Random(11);
        for (int step = 0; step < 20_000; step++) {
            int value = random.nextInt(400);
            // after a while the table also holds keys that are not Longs, some with a Long's hash
            Object key = step < 10_000 || random.nextInt(4) > 0 ? Long.valueOf(value + 1_000)
                    : random.nextBoolean() ? Integer.valueOf(value + 1_000) : new Colliding(value + 1_000, value);
            switch (random.nextInt(3)) {
                case 0 -> assertThat(table.get(key)).isEqualTo(expected.get(key));
                case 1 -> {
                    // loading's habit: a get that misses, then the put of the same key
                    assertThat(table.get(key)).isEqualTo(expected.get(key));
                    assertThat(table.put(key, step)).isEqualTo(expected.put(key, step));
                }
                default -> assertThat(table.remove(key)).isEqualTo(expected.remove(key));
            }
        }

        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(table.get(key)).isEqualTo(value));
    }

    @Test
    void aPutAfterAMissedGetOfAnotherKeyProbesAfresh() {
        ProbingTable<Object, String> table = ProbingTable.byEquality();
        Colliding first = new Colliding(5, 1);
        Colliding second = new Colliding(5, 2); // same home slot as the first
        table.put(new Colliding(6, 0), "other"); // an empty table has no slot for a get to stop at

        assertThat(table.get(first)).isNull();
        table.put(second, "second"); // takes the slot the get stopped at
        table.put(first, "first");

        assertThat(table.get(first)).isEqualTo("first");
        assertThat(table.get(second)).isEqualTo("second");
        assertThat(table.size()).isEqualTo(3);
    }
}
