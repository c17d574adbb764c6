package io.valence.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The session's table of states by object identity, checked against {@link IdentityHashMap}. */
class StateTableTest {
    private static final EntityMapping AUTHOR = Model.METAMODEL.entity(Author.class);

    @Test
    void objectsThatAreEqualButNotIdenticalHaveTheirOwnStates() {
        StateTable table = new StateTable();
        String one = new String("same");
        String other = new String("same");
        EntityState first = state(one);
        EntityState second = state(other);

        table.put(one, first);
        table.put(other, second);

        assertThat(table.get(one)).isSameAs(first);
        assertThat(table.get(other)).isSameAs(second);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void puttingAnObjectAgainReplacesItsState() {
        StateTable table = new StateTable();
        Object entity = new Object();
        EntityState replacement = state(entity);

        table.put(entity, state(entity));
        table.put(entity, replacement);

        assertThat(table.get(entity)).isSameAs(replacement);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void randomPutsOfNewAndKnownObjectsAndRemovesAgreeWithIdentityHashMapAndKeepInsertionOrder() {
        StateTable table = new StateTable();
        Map<Object, EntityState> expected = new IdentityHashMap<>();
        List<Object> objects = new ArrayList<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            if (objects.isEmpty() || random.nextInt(3) > 0) {
                Object entity = new Object();
                EntityState state = state(entity);
                objects.add(entity);
                if (random.nextBoolean()) {
                    table.put(entity, state);
                } else {
                    table.putNew(state); // indexed at the next lookup
                }
                expected.put(entity, state);
            } else {
                Object removed = objects.remove(random.nextInt(objects.size()));
                table.remove(removed);
                expected.remove(removed);
                assertThat(table.get(removed)).isNull();
            }
        }

        assertThat(table.size()).isEqualTo(expected.size());
        for (Object entity : objects) {
            assertThat(table.get(entity)).isSameAs(expected.get(entity));
        }
        assertThat(table.values()).as("in the order they were added")
                .containsExactlyElementsOf(objects.stream().map(expected::get).toList());
        assertThat(table.containsKey(new Object())).isFalse();
    }

    @Test
    void replacingAStateKeepsTheObjectsPlaceInTheOrder() {
        StateTable table = new StateTable();
        Object first = new Object();
        Object second = new Object();
        EntityState replacement = state(first);
        table.put(first, state(first));
        table.put(second, state(second));

        table.put(first, replacement);

        assertThat(table.values()).first().isSameAs(replacement);
        assertThat(table.holds(replacement)).isTrue();
    }

    @Test
    void aRemovedOrReplacedStateIsNoLongerHeld() {
        StateTable table = new StateTable();
        Object removed = new Object();
        Object replaced = new Object();
        EntityState removedState = state(removed);
        EntityState replacedState = state(replaced);
        table.put(removed, removedState);
        table.put(replaced, replacedState);

        table.remove(removed);
        table.put(replaced, state(replaced));

        assertThat(table.holds(removedState)).isFalse();
        assertThat(table.holds(replacedState)).isFalse();
    }

    @Test
    void removingAnObjectTheTableDoesNotHoldChangesNothing() {
        StateTable table = new StateTable();
        Object held = new Object();
        table.put(held, state(held));

        table.remove(new Object());

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.containsKey(held)).isTrue();
    }

    @Test
    void aStateIsNoLongerHeldOnceTheTableIsClearedEvenWhenANewStateTakesItsPlace() {
        StateTable table = new StateTable();
        Object before = new Object();
        EntityState cleared = state(before);
        table.put(before, cleared);

        table.clear();
        Object after = new Object();
        EntityState fresh = state(after);
        table.put(after, fresh);

        assertThat(table.holds(cleared)).isFalse();
        assertThat(table.holds(fresh)).isTrue();
    }

    @Test
    void clearForgetsEveryObject() {
        StateTable table = new StateTable();
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object entity = new Object();
            objects.add(entity);
            table.put(entity, state(entity));
        }

        table.clear();

        assertThat(table.size()).isZero();
        assertThat(table.values()).isEmpty();
        assertThat(objects).noneMatch(table::containsKey);
    }

    private static EntityState state(Object entity) {
        return new EntityState(entity, AUTHOR, Status.PENDING, 0);
    }
}
