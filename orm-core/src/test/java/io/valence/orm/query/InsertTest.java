package io.valence.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsertTest {

    static final class Storage {}

    static final class Child {}

    @Test
    void intoStartsAnInsertWithoutRowsThatSynchronizesTheSession() {
        Insert<Storage> insert = Insert.into(Storage.class);

        assertThat(insert.entityType()).isEqualTo(Storage.class);
        assertThat(insert.rows()).isEmpty();
        assertThat(insert.entityRows()).isEmpty();
        assertThat(insert.rowProperties()).isEmpty();
        assertThat(insert.conflictTarget()).isEmpty();
        assertThat(insert.conflictAction()).isEmpty();
        assertThat(insert.isReturning()).isFalse();
        assertThat(insert.isSynchronizeSession()).isTrue();
    }

    @Test
    void eachValuesCallAddsARow() {
        Insert<Storage> insert = Insert.into(Storage.class)
                .values(Map.of("key", "one", "value", "a"))
                .values(Map.of("key", "two", "value", "b"));

        assertThat(insert.rows())
                .containsExactly(Map.of("key", "one", "value", "a"), Map.of("key", "two", "value", "b"));
    }

    @Test
    void insertRowsWithDifferentKeysAreRejectedNamingTheKeys() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("key", "one");
        first.put("value", "a");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("key", "two");
        second.put("valeu", "b");
        Insert<Storage> insert = Insert.into(Storage.class).values(first);

        assertThatThrownBy(() -> insert.values(second))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every row of an insert into Storage must set the same properties as the first row"
                        + " [key, value]; this row lacks [value] and adds [valeu]");
    }

    @Test
    void laterRowsTakeTheFirstRowsPropertyOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("key", "one");
        first.put("value", "a");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("value", "b");
        second.put("key", "two");

        Insert<Storage> insert = Insert.into(Storage.class).values(first).values(second);

        assertThat(insert.rowProperties()).containsExactly("key", "value");
        assertThat(insert.rows().get(1).keySet()).containsExactly("key", "value");
    }

    @Test
    void rowValuesMayBeNull() {
        Map<String, Object> row = new HashMap<>();
        row.put("key", "one");
        row.put("value", null);

        assertThat(Insert.into(Storage.class).values(row).rows().get(0)).containsEntry("value", null);
    }

    @Test
    void emptyRowIsRejected() {
        assertThatThrownBy(() -> Insert.into(Storage.class).values(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("insert row must name at least one property");
    }

    @Test
    void rowPropertiesAreNamesNotPaths() {
        assertThatThrownBy(() -> Insert.into(Storage.class).values(Map.of("parent.id", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("property name in insert row 'parent.id' is not a property name");
    }

    @Test
    void entityRowKeepsTheInstanceItself() {
        Storage storage = new Storage();

        Insert<Storage> insert = Insert.into(Storage.class).values(storage);

        assertThat(insert.entityRows()).singleElement().isSameAs(storage);
        assertThat(insert.rows()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void entityOfAnotherTypeIsRejected() {
        Insert<Object> insert = (Insert<Object>) (Insert<?>) Insert.into(Storage.class);

        assertThatThrownBy(() -> insert.values(new Child()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an instance of Storage");
    }

    @Test
    void mapRowsAndEntityRowsCannotBeMixed() {
        Insert<Storage> withMap = Insert.into(Storage.class).values(Map.of("key", "one"));
        Insert<Storage> withEntity = Insert.into(Storage.class).values(new Storage());

        assertThatThrownBy(() -> withMap.values(new Storage()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an insert into Storage takes rows either as maps or as entity instances, not both;"
                        + " use two inserts");
        assertThatThrownBy(() -> withEntity.values(Map.of("key", "one")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onConflictDoUpdateCompletesTheInsert() {
        Insert<Storage> upsert = Insert.into(Storage.class)
                .values(Map.of("key", "one", "value", "new"))
                .onConflict("key")
                .doUpdate("value")
                .returning();

        assertThat(upsert.conflictTarget()).contains(new ConflictTarget.Properties(List.of("key")));
        assertThat(upsert.conflictAction()).contains(new ConflictAction.DoUpdate(List.of("value")));
        assertThat(upsert.isReturning()).isTrue();
    }

    @Test
    void onConflictOnConstraintDoNothing() {
        Insert<Storage> insert = Insert.into(Storage.class).onConflictOnConstraint("uq_storage_key").doNothing();

        assertThat(insert.conflictTarget()).contains(new ConflictTarget.Constraint("uq_storage_key"));
        assertThat(insert.conflictAction()).contains(new ConflictAction.DoNothing());
    }

    @Test
    void doUpdateSetKeepsTheAssignmentsIncludingNulls() {
        Map<String, Object> assignments = new LinkedHashMap<>();
        assignments.put("value", null);
        assignments.put("hits", 0);

        Insert<Storage> insert = Insert.into(Storage.class).onConflict("key").doUpdateSet(assignments);

        ConflictAction.DoUpdateSet action = (ConflictAction.DoUpdateSet) insert.conflictAction().orElseThrow();
        assertThat(action.assignments()).containsEntry("value", null).containsEntry("hits", 0);
        assertThat(action.assignments().keySet()).containsExactly("value", "hits");
    }

    @Test
    void doUpdateWithoutPropertiesIsRejected() {
        assertThatThrownBy(() -> Insert.into(Storage.class).onConflict("key").doUpdate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one property to update is needed");
    }

    @Test
    void onConflictWithoutOrWithRepeatedPropertiesIsRejected() {
        assertThatThrownBy(() -> Insert.into(Storage.class).onConflict())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one conflict property is needed");
        assertThatThrownBy(() -> Insert.into(Storage.class).onConflict("key", "key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conflict property 'key' is given twice");
    }

    @Test
    void blankConstraintNameIsRejected() {
        assertThatThrownBy(() -> Insert.into(Storage.class).onConflictOnConstraint(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraint name must not be blank");
    }

    @Test
    void secondConflictClauseIsRejected() {
        Insert<Storage> insert = Insert.into(Storage.class).onConflict("key").doNothing();

        assertThatThrownBy(() -> insert.onConflict("value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has an ON CONFLICT clause");
    }

    @Test
    void synchronizeSessionFalseIsTheOptOut() {
        Insert<Storage> insert = Insert.into(Storage.class).synchronizeSession(false);

        assertThat(insert.isSynchronizeSession()).isFalse();
        assertThat(insert.synchronizeSession(true).isSynchronizeSession()).isTrue();
    }

    @Test
    void builderCallsNeverChangeTheOriginal() {
        Insert<Storage> base = Insert.into(Storage.class).values(Map.of("key", "one"));
        Insert<Storage> copy = Insert.into(Storage.class).values(Map.of("key", "one"));

        base.values(Map.of("key", "two"));
        base.onConflict("key").doNothing();
        base.returning();
        base.synchronizeSession(false);

        assertThat(base).isEqualTo(copy);
    }

    @Test
    void insertsBuiltAlikeAreEqualWithEqualHashCodes() {
        Insert<Storage> first = Insert.into(Storage.class)
                .values(Map.of("key", "one"))
                .onConflict("key")
                .doUpdate("key")
                .returning();
        Insert<Storage> second = Insert.into(Storage.class)
                .values(Map.of("key", "one"))
                .onConflict("key")
                .doUpdate("key")
                .returning();

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(second.synchronizeSession(false));
    }

    @Test
    void rowsCannotBeChangedThroughTheAccessors() {
        Insert<Storage> insert = Insert.into(Storage.class).values(Map.of("key", "one"));

        assertThatThrownBy(() -> insert.rows().get(0).put("key", "two"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> insert.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringLeavesRowValuesOut() {
        String text = Insert.into(Storage.class).values(Map.of("key", "secret")).toString();

        assertThat(text).contains("Storage", "key").doesNotContain("secret");
    }
}
