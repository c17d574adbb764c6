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
}
