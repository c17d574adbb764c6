package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.types;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.DataException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Update;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmlRendererTest {
    private static final EntityMapping CHILD = METAMODEL.entity(Child.class);
    private static final String STORAGE_RETURNING = " RETURNING \"id\", \"key\", \"value\"";
    private static final String CHILD_RETURNING = " RETURNING t0.\"id\", t0.\"value\", t0.\"parent_id\"";

    private final DmlRenderer renderer = new DmlRenderer(METAMODEL);

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void aMultiRowInsertBindsEveryValueAndReturnsEveryColumnToSynchronizeTheSession() {
        Insert<Storage> insert = Insert.into(Storage.class)
                .values(row("key", "a", "value", "1"))
                .values(row("key", "b", "value", null));

        RenderedDml rendered = renderer.render(insert);

        assertThat(rendered.statement().sql()).isEqualTo(
                "INSERT INTO \"storage\" (\"key\", \"value\") VALUES ($1, $2), ($3, $4)" + STORAGE_RETURNING);
        assertThat(values(rendered.statement())).containsExactly("a", "1", "b", null);
        assertThat(types(rendered.statement())).containsOnly(String.class);
        assertThat(rendered.mapping()).isEqualTo(METAMODEL.entity(Storage.class));
        assertThat(rendered.returnsRows()).isTrue();
    }

    @Test
    void anInsertThatNeitherReturnsNorSynchronizesHasNoReturningClause() {
        RenderedDml rendered = renderer.render(
                Insert.into(Storage.class).values(row("key", "a")).synchronizeSession(false));

        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"storage\" (\"key\") VALUES ($1)");
        assertThat(rendered.returnsRows()).isFalse();
    }

    @Test
    void entityRowsInsertEveryColumnWithTheForeignKeyAsTheTargetsId() {
        Insert<Child> insert = Insert.into(Child.class)
                .values(new Child(1L, "a", new Parent(7L, "p")))
                .values(new Child(2L, "b", null));

        RenderedDml rendered = renderer.render(insert);

        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"child\" (\"id\", \"value\", \"parent_id\")"
                + " VALUES ($1, $2, $3), ($4, $5, $6) RETURNING \"id\", \"value\", \"parent_id\"");
        assertThat(values(rendered.statement())).containsExactly(1L, "a", 7L, 2L, "b", null);
        assertThat(types(rendered.statement()))
                .containsExactly(Long.class, String.class, Long.class, Long.class, String.class, Long.class);
    }

    @Test
    void entityRowsLeaveOutAGeneratedId() {
        RenderedDml rendered = renderer.render(Insert.into(Parent.class).values(new Parent(null, "p")).returning());

        assertThat(rendered.statement().sql())
                .isEqualTo("INSERT INTO \"parent\" (\"value\") VALUES ($1) RETURNING \"id\", \"value\"");
        assertThat(values(rendered.statement())).containsExactly("p");
    }

    @Test
    void anEntityRowReferringToAPendingEntityIsRejected() {
        Insert<Child> insert = Insert.into(Child.class).values(new Child(1L, "a", new Parent(null, "p")));

        assertThatThrownBy(() -> renderer.render(insert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parent (pending, no id) has no id yet; flush first (session.flush()), then use it as a value");
    }

    @Test
    void enumAndInstantInsertValuesAreConvertedAndAReservedWordColumnQuoted() {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        RenderedDml rendered = renderer.render(
                Insert.into(Event.class).values(row("id", 1L, "kind", Event.Kind.DELETED, "at", at, "order", 2)));

        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"event\" (\"id\", \"kind\", \"at\", \"order\")"
                + " VALUES ($1, $2, $3, $4) RETURNING \"id\", \"kind\", \"at\", \"order\"");
        assertThat(values(rendered.statement())).containsExactly(1L, "DELETED", at.atOffset(ZoneOffset.UTC), 2);
        assertThat(types(rendered.statement()))
                .containsExactly(Long.class, String.class, OffsetDateTime.class, Integer.class);
    }

    @Test
    void onConflictDoUpdateTakesTheProposedRowsValues() {
        Insert<Storage> upsert = Insert.into(Storage.class)
                .values(row("key", "a", "value", "new"))
                .onConflict("key")
                .doUpdate("value")
                .returning();

        assertThat(renderer.render(upsert).statement().sql()).isEqualTo("INSERT INTO \"storage\" (\"key\", \"value\")"
                + " VALUES ($1, $2) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = EXCLUDED.\"value\"" + STORAGE_RETURNING);
    }

    @Test
    void onConflictDoUpdateSetBindsItsValuesAfterTheRows() {
        Insert<Storage> upsert = Insert.into(Storage.class)
                .values(row("key", "a", "value", "new"))
                .onConflict("key")
                .doUpdateSet(Map.of("value", "conflicted"));

        RenderedDml rendered = renderer.render(upsert);

        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"storage\" (\"key\", \"value\") VALUES ($1, $2)"
                + " ON CONFLICT (\"key\") DO UPDATE SET \"value\" = $3" + STORAGE_RETURNING);
        assertThat(values(rendered.statement())).containsExactly("a", "new", "conflicted");
    }

    @Test
    void onConflictOnConstraintQuotesTheConstraintName() {
        Insert<Storage> insert = Insert.into(Storage.class)
                .values(row("key", "a"))
                .onConflictOnConstraint("storage_key_key")
                .doNothing();

        assertThat(renderer.render(insert).statement().sql()).isEqualTo("INSERT INTO \"storage\" (\"key\") VALUES ($1)"
                + " ON CONFLICT ON CONSTRAINT \"storage_key_key\" DO NOTHING" + STORAGE_RETURNING);
    }

    @Test
    void onConflictDoNothingSkipsTheRow() {
        Insert<Storage> insert = Insert.into(Storage.class).values(row("key", "a")).onConflict("key").doNothing();

        assertThat(renderer.render(insert).statement().sql()).isEqualTo("INSERT INTO \"storage\" (\"key\") VALUES ($1)"
                + " ON CONFLICT (\"key\") DO NOTHING" + STORAGE_RETURNING);
    }

    @Test
    void anInsertOfAnUnknownPropertyIsRejectedSuggestingTheClosestName() {
        assertThatThrownBy(() -> renderer.render(Insert.into(Storage.class).values(row("valeu", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Storage has no property \"valeu\"; did you mean \"value\"? Its properties are [id, key, value]");
    }

    @Test
    void anInsertBeyondPostgresqlsParameterLimitIsRejectedSayingHowManyRowsFit() {
        Insert<Event> insert = Insert.into(Event.class);
        for (int i = 0; i < 16_384; i++) {
            insert = insert.values(new Event());
        }
        Insert<Event> tooLarge = insert;

        assertThatThrownBy(() -> renderer.render(tooLarge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an insert into Event of 16384 rows of 4 columns needs 65536 parameters, more than the 65535"
                        + " PostgreSQL accepts in one statement; split the rows into inserts of at most 16383 rows each");
    }

    @Test
    void anInsertWithoutRowsIsRejected() {
        assertThatThrownBy(() -> renderer.render(Insert.into(Storage.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this Insert into Storage has no row; add rows with Insert.values(…)");
    }

    @Test
    void anUpdateSetsItsAssignmentsThenFiltersAndReturnsEveryColumnInMappingOrder() {
        Update<Child> update = Update.of(Child.class)
                .set("value", "v")
                .set("parent", new Parent(7L, "p"))
                .where(Condition.eq("value", "old").or(Condition.isNull("parent")));

        RenderedDml rendered = renderer.render(update);

        assertThat(rendered.statement().sql()).isEqualTo("UPDATE \"child\" AS t0 SET \"value\" = $1, \"parent_id\" = $2"
                + " WHERE t0.\"value\" = $3 OR t0.\"parent_id\" IS NULL" + CHILD_RETURNING);
        assertThat(values(rendered.statement())).containsExactly("v", 7L, "old");
        assertThat(rendered.returnsRows()).isTrue();
        assertThat(rendered.mapping()).isEqualTo(CHILD);
    }

    @Test
    void anUpdateSettingNullBindsATypedNull() {
        RenderedDml rendered = renderer.render(
                Update.of(Child.class).set("parent", null).filterBy("id", 1L).synchronizeSession(false));

        assertThat(rendered.statement().sql())
                .isEqualTo("UPDATE \"child\" AS t0 SET \"parent_id\" = $1 WHERE t0.\"id\" = $2");
        assertThat(values(rendered.statement())).containsExactly(null, 1L);
        assertThat(types(rendered.statement())).containsExactly(Long.class, Long.class);
        assertThat(rendered.returnsRows()).isFalse();
    }

    @Test
    void anUpdateWithoutAssignmentsIsRejectedNamingTheEntity() {
        assertThatThrownBy(() -> renderer.render(Update.of(Child.class).filterBy("id", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this Update of Child sets no property; add at least one with Update.set(property, value)");
    }

    @Test
    void aBulkConditionThroughARelationshipIsRejected() {
        Update<Child> update = Update.of(Child.class).set("value", "v").filterBy("parent.value", "p");

        assertThatThrownBy(() -> renderer.render(update))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bulk UPDATE of Child cannot filter on \"parent.value\": bulk UPDATE and DELETE conditions"
                        + " name Child's own columns only (a many-to-one compares by its foreign key, as in"
                        + " filterBy(\"parent\", parent)); select the matching ids first and filter with"
                        + " Condition.in(\"id\", ids)");
    }

    @Test
    void aDeleteFiltersAndReturnsEveryColumn() {
        RenderedDml rendered = renderer.render(Delete.from(Child.class).where(Condition.in("id", List.of(1L, 2L))));

        assertThat(rendered.statement().sql())
                .isEqualTo("DELETE FROM \"child\" AS t0 WHERE t0.\"id\" = ANY($1::bigint[])" + CHILD_RETURNING);
        assertThat(values(rendered.statement())).containsExactly(List.of(1L, 2L));
        assertThat(rendered.returnsRows()).isTrue();
    }

    @Test
    void aDeleteOfEveryRowWithoutSynchronizingReturnsNothing() {
        RenderedDml rendered = renderer.render(Delete.from(Child.class).synchronizeSession(false));

        assertThat(rendered.statement().sql()).isEqualTo("DELETE FROM \"child\" AS t0");
        assertThat(rendered.statement().binds()).isEmpty();
        assertThat(rendered.returnsRows()).isFalse();
    }

    @Test
    void aReturningDeleteReturnsRowsEvenWithoutSynchronizing() {
        RenderedDml rendered = renderer.render(
                Delete.from(Child.class).filterBy("parent", new Parent(7L, "p")).returning().synchronizeSession(false));

        assertThat(rendered.statement().sql())
                .isEqualTo("DELETE FROM \"child\" AS t0 WHERE t0.\"parent_id\" = $1" + CHILD_RETURNING);
        assertThat(values(rendered.statement())).containsExactly(7L);
    }

    @Test
    void aValuePostgresqlCannotHoldIsRefusedInInsertsAndUpdates() {
        assertThatThrownBy(() -> renderer.render(Insert.into(Storage.class).values(row("key", "k", "value", "a\u0000b"))))
                .isExactlyInstanceOf(DataException.class)
                .hasMessageStartingWith("Valence refused a String for Storage.value before sending any SQL");
        assertThatThrownBy(() -> renderer.render(Update.of(Event.class).set("at", Instant.MIN).filterBy("id", 1L)))
                .isExactlyInstanceOf(DataException.class)
                .hasMessageStartingWith("Valence refused an Instant for Event.at before sending any SQL");
    }
}
