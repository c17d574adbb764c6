package io.valence.orm.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.internal.query.DmlRenderer;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.sql.LockSql;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a get-or-create runs, by which unique constraint (if any) covers its lookup, and its two messages. */
class GetOrCreatePlanTest {
    private static final String COLUMNS = "SELECT t0.\"id\", t0.\"code\", t0.\"name\", t0.\"colour\", t0.\"size\" FROM \"badge\" AS t0";
    private static final String RETURNING = " RETURNING \"id\", \"code\", \"name\", \"colour\", \"size\"";

    private static GetOrCreatePlan<Badge> plan(Map<String, ?> lookup, Map<String, ?> defaults) {
        return GetOrCreatePlan.of(Library.METAMODEL.entity(Badge.class), Badge.class, lookup, defaults,
                new SelectRenderer(Library.METAMODEL), new DmlRenderer(Library.METAMODEL));
    }

    private static List<Object> values(SqlStatement statement) {
        return statement.binds().stream().map(SqlStatement.Bind::value).toList();
    }

    @Test
    void aLookupOnAUniqueColumnInsertsWithOnConflictDoNothingOnThatColumnAndTakesNoLock() {
        GetOrCreatePlan<Badge> plan = plan(Map.of("code", "c"), Map.of("size", 3));

        assertThat(plan.select().statement().sql()).isEqualTo(COLUMNS + " WHERE t0.\"code\" = $1");
        assertThat(plan.insert().sql()).isEqualTo("INSERT INTO \"badge\" (\"code\", \"size\") VALUES ($1, $2)"
                + " ON CONFLICT (\"code\") DO NOTHING" + RETURNING);
        assertThat(values(plan.insert())).containsExactly("c", 3);
        assertThat(plan.conflictProperties()).containsExactly("code");
        assertThat(plan.lock()).isNull();
    }

    @Test
    void aLookupCoveringAUniqueConstraintOfSeveralColumnsNamesItsPropertiesInConstraintOrder() {
        GetOrCreatePlan<Badge> plan = plan(Map.of("name", "n", "colour", "red"), Map.of());

        assertThat(plan.insert().sql()).isEqualTo("INSERT INTO \"badge\" (\"colour\", \"name\") VALUES ($1, $2)"
                + " ON CONFLICT (\"name\", \"colour\") DO NOTHING" + RETURNING);
        assertThat(plan.conflictProperties()).containsExactly("name", "colour");
        assertThat(plan.lock()).isNull();
    }

    @Test
    void theIdCoversALookupLikeAUniqueColumn() {
        assertThat(plan(Map.of("id", 5L), Map.of()).conflictProperties()).containsExactly("id");
    }

    @Test
    void aLookupNoUniqueConstraintCoversTakesAnAdvisoryLockOnTheLookupAndInsertsPlainly() {
        GetOrCreatePlan<Badge> plan = plan(Map.of("name", "n"), Map.of("size", 3));

        assertThat(plan.conflictProperties()).isNull();
        assertThat(plan.insert().sql()).isEqualTo("INSERT INTO \"badge\" (\"name\", \"size\") VALUES ($1, $2)" + RETURNING);
        assertThat(plan.lock()).isEqualTo(LockSql.lookupLock("badge", plan.select().statement()));
    }

    @Test
    void aNullValueDoesNotCoverAUniqueColumnSinceANullNeverConflicts() {
        Map<String, Object> lookup = new HashMap<>();
        lookup.put("code", null);
        lookup.put("name", "n");

        GetOrCreatePlan<Badge> plan = plan(lookup, Map.of());

        assertThat(plan.conflictProperties()).isNull();
        assertThat(plan.lock()).isNotNull();
    }

    @Test
    void theLookupIsSortedSoThatEveryCallerRendersTheSameQueryAndTakesTheSameLock() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("name", "n");
        one.put("size", 3);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("size", 3);
        other.put("name", "n");

        GetOrCreatePlan<Badge> first = plan(one, Map.of());
        GetOrCreatePlan<Badge> second = plan(other, Map.of());

        assertThat(first.lookupProperties()).containsExactly("name", "size");
        assertThat(first.select().statement()).isEqualTo(second.select().statement());
        assertThat(first.lock()).isEqualTo(second.lock());
        assertThat(first.select().statement().sql()).isEqualTo(COLUMNS + " WHERE t0.\"name\" = $1 AND t0.\"size\" = $2");
    }

    @Test
    void anEmptyLookupIsAnArgumentErrorAtTheCall() {
        assertThatThrownBy(() -> plan(Map.of(), Map.of("name", "n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("getOrCreate(Badge) needs a non-empty lookup: the properties that identify the row");
    }

    @Test
    void severalFoundSaysTheLookupMustIdentifyOneRowAndHowToMakeItSo() {
        assertThat(plan(Map.of("name", "n"), Map.of()).severalFound()).hasMessage("getOrCreate(Badge) found several rows"
                + " matching the lookup [name], but a lookup must identify one row. Declare a unique constraint over those"
                + " properties (@Column(unique = true) or @Table(uniqueConstraints)), or add properties to the lookup");
    }

    @Test
    void partialMatchNamesTheConflictingPropertiesTheTableAndTheLookupToUseInstead() {
        GetOrCreatePlan<Badge> plan = plan(Map.of("code", "c", "name", "n"), Map.of());

        ConstraintViolationException error = plan.partialMatch();

        assertThat(error).hasMessage("getOrCreate(Badge) found no row matching the lookup [code, name] and could not"
                + " insert one: a row of table \"badge\" already holds the same [code], which a unique constraint allows"
                + " once, and differs in the rest of the lookup. Look the row up by [code] alone (and set the other"
                + " properties with updateOrCreate(…) if needed)");
        assertThat(error.table()).isEqualTo("badge");
        assertThat(error.entityType()).isEqualTo("Badge");
        assertThat(error.sql()).isEqualTo(plan.insert().sql());
    }
}
