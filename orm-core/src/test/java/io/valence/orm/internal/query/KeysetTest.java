package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetTest {
    private static final String CHILD = "SELECT t0.\"id\", t0.\"value\", t0.\"parent_id\" FROM \"child\" AS t0";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    private SqlStatement pageStatement(Select<?> select, int size, PageKey after) {
        return renderer.render(Keyset.of(METAMODEL, select).pageQuery(select, size, after)).statement();
    }

    @Test
    void theFirstPageReadsOneRowMoreThanItsSize() {
        SqlStatement first = pageStatement(Select.from(Child.class).orderBy("id"), 100, null);

        assertThat(first.sql()).isEqualTo(CHILD + " ORDER BY t0.\"id\" ASC LIMIT $1");
        assertThat(values(first)).containsExactly(101L);
    }

    @Test
    void aSingleUniqueTermSeeksPastTheKey() {
        SqlStatement next = pageStatement(Select.from(Child.class).orderBy(Order.desc("id")), 10, PageKey.of(42L));

        assertThat(next.sql()).isEqualTo(CHILD + " WHERE t0.\"id\" < $1 ORDER BY t0.\"id\" DESC LIMIT $2");
        assertThat(values(next)).containsExactly(42L, 11L);
    }

    @Test
    void mixedDirectionsExpandIntoOrTermsAndANullableColumnAlsoMatchesTheNullsAfterTheKey() {
        Select<Child> byValue = Select.from(Child.class).filterBy("parent", 7L).orderBy(Order.desc("value"), Order.asc("id"));

        SqlStatement next = pageStatement(byValue, 10, PageKey.of("m", 42L));

        // DESC puts NULLs first, so none come after "m"; rows tied on "m" continue by id
        assertThat(next.sql()).isEqualTo(CHILD + " WHERE t0.\"parent_id\" = $1 AND (t0.\"value\" < $2 OR (t0.\"value\" = $3"
                + " AND t0.\"id\" > $4)) ORDER BY t0.\"value\" DESC, t0.\"id\" ASC LIMIT $5");
        assertThat(values(next)).containsExactly(7L, "m", "m", 42L, 11L);
    }

    @Test
    void nullsAfterTheKeyAreMatchedWhereTheOrderPutsThemLast() {
        Select<Child> nullsLast = Select.from(Child.class).orderBy(Order.asc("value"), Order.asc("id"));
        Select<Child> nullsFirst = Select.from(Child.class).orderBy(Order.asc("value").nullsFirst(), Order.asc("id"));

        assertThat(pageStatement(nullsLast, 10, PageKey.of("m", 42L)).sql()).isEqualTo(CHILD + " WHERE t0.\"value\" > $1"
                + " OR t0.\"value\" IS NULL OR (t0.\"value\" = $2 AND t0.\"id\" > $3) ORDER BY t0.\"value\" ASC,"
                + " t0.\"id\" ASC LIMIT $4");
        assertThat(pageStatement(nullsLast, 10, PageKey.of(null, 42L)).sql()).isEqualTo(CHILD
                + " WHERE t0.\"value\" IS NULL AND t0.\"id\" > $1 ORDER BY t0.\"value\" ASC, t0.\"id\" ASC LIMIT $2");
        assertThat(pageStatement(nullsFirst, 10, PageKey.of(null, 42L)).sql()).isEqualTo(CHILD
                + " WHERE t0.\"value\" IS NOT NULL OR (t0.\"value\" IS NULL AND t0.\"id\" > $1) ORDER BY t0.\"value\" ASC"
                + " NULLS FIRST, t0.\"id\" ASC LIMIT $2");
    }

    @Test
    void aNotNullLeadingColumnGetsARangeTermThatAnIndexCanStartAtAndAUniqueColumnEndsTheOrdering() {
        SqlStatement next = pageStatement(Select.from(Storage.class).orderBy(Order.desc("id"), Order.asc("key")), 5,
                PageKey.of(42L, "k"));

        assertThat(next.sql()).isEqualTo("SELECT t0.\"id\", t0.\"key\", t0.\"value\" FROM \"storage\" AS t0"
                + " WHERE t0.\"id\" <= $1 AND (t0.\"id\" < $2 OR (t0.\"id\" = $3 AND t0.\"key\" > $4))"
                + " ORDER BY t0.\"id\" DESC, t0.\"key\" ASC LIMIT $5");
    }

    @Test
    void aFullPageCarriesTheKeyOfItsLastRowAndAShortOneNone() {
        Keyset keyset = Keyset.of(METAMODEL, Select.from(Child.class).orderBy(Order.desc("value"), Order.asc("id")));
        List<Child> rows = List.of(new Child(1L, "c", null), new Child(2L, "b", null), new Child(3L, "a", null));

        Page<Child> full = keyset.page(rows, 2);
        Page<Child> last = keyset.page(rows, 3);

        assertThat(full.items()).extracting(child -> child.id).containsExactly(1L, 2L);
        assertThat(full.next()).contains(PageKey.of("b", 2L));
        assertThat(last.items()).hasSize(3);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void anOrderingThatCanTieFailsBeforeAnySql() {
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy("value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyset pagination of Child needs a unique ordering, but [value ASC] can tie, so rows would be"
                        + " skipped or repeated between pages (it does not end in the id or a unique NOT NULL column);"
                        + " end the ordering with the id, as in orderBy(…, Order.asc(\"id\"))");
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyset pagination of Child needs a unique ordering, but the query has none");
    }

    @Test
    void relationshipsAggregatesLimitsAndForeignKeysAreRefused() {
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy("parent.value", "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyset pagination of Child orders by its own columns, read from the last row of"
                        + " each page, but the order parent.value ASC names a relationship or a path through one");
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy("parent", "id")))
                .hasMessageContaining("the order parent ASC names a relationship");
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy(Order.asc(Expression.count()))))
                .hasMessageContaining("the order count ASC names an aggregate");
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy("id").limit(5)))
                .hasMessageStartingWith("a keyset page of Child is limited by its size");
        assertThatThrownBy(() -> Keyset.of(METAMODEL, Select.from(Child.class).orderBy("vlaue", "id")))
                .hasMessageStartingWith("Child has no property \"vlaue\"");
    }

    @Test
    void aKeyOfAnotherOrderingOrABadSizeFails() {
        Select<Child> byId = Select.from(Child.class).orderBy("id");
        Keyset keyset = Keyset.of(METAMODEL, byId);

        assertThatThrownBy(() -> keyset.pageQuery(byId, 10, PageKey.of("m", 42L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this PageKey holds 2 values, but the query of Child pages by 1 order terms [id ASC]; pass the"
                        + " key of a page of the same query (Page.next())");
        assertThatThrownBy(() -> keyset.pageQuery(byId, 0, null))
                .hasMessage("a page holds at least one row, but the size was 0");
    }
}
