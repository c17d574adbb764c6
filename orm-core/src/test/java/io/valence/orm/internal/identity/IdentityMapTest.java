package io.valence.orm.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session's identity map: one object per type and id, whichever way it is looked up. */
class IdentityMapTest {

    @Test
    void anObjectIsFoundByItsTypeAndId() {
        IdentityMap map = new IdentityMap();
        Object order = new Object();

        map.put(String.class, 7L, order);

        assertThat(map.get(String.class, 7L)).isSameAs(order);
        assertThat(map.get(String.class, 8L)).isNull();
    }

    @Test
    void twoTypesWithTheSameIdAreTwoObjects() {
        IdentityMap map = new IdentityMap();
        Object first = new Object();
        Object second = new Object();

        map.put(String.class, 7L, first);
        map.put(Integer.class, 7L, second);

        assertThat(map.get(String.class, 7L)).isSameAs(first);
        assertThat(map.get(Integer.class, 7L)).isSameAs(second);
        assertThat(map.get(Long.class, 7L)).as("a type never put").isNull();
    }

    @Test
    void classesOfAHierarchyShareTheirRootsTableWhicheverIsSeenFirst() {
        IdentityMap map = new IdentityMap(type -> type == Integer.class || type == Long.class ? Number.class : type);
        Object card = new Object();

        map.put(Integer.class, 7L, card);

        assertThat(map.get(Number.class, 7L)).isSameAs(card);
        assertThat(map.get(Long.class, 7L)).as("another class of the hierarchy").isSameAs(card);
        assertThat(map.get(String.class, 7L)).as("another hierarchy").isNull();
        map.remove(Long.class, 7L);
        assertThat(map.get(Integer.class, 7L)).isNull();
    }

    @Test
    void removeForgetsOneRowAndClearForgetsAll() {
        IdentityMap map = new IdentityMap();
        map.put(String.class, 1L, "one");
        map.put(String.class, 2L, "two");
        map.put(Integer.class, 1L, "other");

        map.remove(String.class, 1L);
        map.remove(Long.class, 1L); // a type never put: nothing to forget

        assertThat(map.get(String.class, 1L)).isNull();
        assertThat(map.get(String.class, 2L)).isEqualTo("two");
        assertThat(map.get(Integer.class, 1L)).isEqualTo("other");

        map.clear();

        assertThat(map.get(String.class, 2L)).isNull();
        assertThat(map.get(Integer.class, 1L)).isNull();
        map.put(String.class, 2L, "again");
        assertThat(map.get(String.class, 2L)).as("usable after clear").isEqualTo("again");
    }
}
