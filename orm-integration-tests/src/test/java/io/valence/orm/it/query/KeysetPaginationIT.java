package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Order;
import io.valence.orm.query.Page;
import io.valence.orm.query.PageKey;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Keyset (seek) pagination on PostgreSQL: walking every page of an ordering with ties, NULLs and mixed
 * directions returns each row exactly once, one statement per page, and an ordering that can tie is
 * refused before any SQL. Each test pages the children of its own parent.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class KeysetPaginationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ROWS = 1_000;

    /** A parent with {@code ROWS} children whose values repeat (13 distinct) and are NULL for every 7th. */
    private static Parent familyOfThousand(SessionFactory factory, String value) {
        return factory.inTransaction(session -> {
                    Parent parent = new Parent(value);
                    session.add(parent);
                    for (int i = 0; i < ROWS; i++) {
                        session.add(new Child(i % 7 == 0 ? null : "v" + (i % 13), parent));
                    }
                    return Mono.just(parent);
                })
                .block(TIMEOUT);
    }

    private static Mono<Page<Child>> next(ReactiveSession session, Select<Child> query, int size, Page<Child> previous) {
        return previous.next().map(key -> session.page(query, size, key)).orElseGet(Mono::empty);
    }

    @Test
    void walkingEveryPageOfAMixedOrderingReturnsEachRowOnceWithOneStatementPerPage(
            SessionFactory factory, StatementRecorder recorder) {
        Parent parent = familyOfThousand(factory, "keyset-walk");
        Select<Child> query = Select.from(Child.class)
                .filterBy("parent", parent)
                .orderBy(Order.desc("value").nullsLast(), Order.asc("id"));
        int size = 70;
        recorder.reset();

        List<Page<Child>> pages = factory.withSession(session -> session.page(query, size)
                        .expand(page -> next(session, query, size, page))
                        .collectList())
                .block(TIMEOUT);

        List<Child> walked = pages.stream().flatMap(page -> page.items().stream()).toList();
        List<Child> expected = new ArrayList<>(walked);
        expected.sort(Comparator.comparing((Child child) -> child.value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(child -> child.id));
        assertThat(pages).hasSize(15); // 14 full pages of 70 and one of 20, whose reading found no 71st row
        assertThat(walked).hasSize(ROWS).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages.get(14).hasNext()).isFalse();
        recorder.assertThat().hasStatementCount(15);
        RecordedStatement second = recorder.statements().stream()
                .filter(statement -> statement.sql().startsWith("SELECT"))
                .toList()
                .get(1);
        assertThat(second.sql()).endsWith(" WHERE t0.\"parent_id\" = $1 AND (t0.\"value\" < $2 OR t0.\"value\" IS NULL"
                + " OR (t0.\"value\" = $3 AND t0.\"id\" > $4)) ORDER BY t0.\"value\" DESC NULLS LAST, t0.\"id\" ASC LIMIT $5");
    }

    @Test
    void rowsDeletedBeforeTheKeyDoNotShiftTheNextPageAsAnOffsetWould(SessionFactory factory) {
        Parent parent = familyOfThousand(factory, "keyset-delete");
        Select<Child> byId = Select.from(Child.class).filterBy("parent", parent).orderBy("id");
        List<Long> ids = factory.withSession(session -> session.rows(byId.value(Long.class, "id")).collectList())
                .block(TIMEOUT);

        List<Long> secondPage = factory.inTransaction(session -> session.page(byId, 10).flatMap(first -> {
                    first.items().forEach(session::delete); // flushed before the next page is read
                    return session.page(byId, 10, first.next().orElseThrow());
                }))
                .map(page -> page.items().stream().map(child -> child.id).toList())
                .block(TIMEOUT);

        assertThat(secondPage).containsExactlyElementsOf(ids.subList(10, 20));
    }

    @Test
    void anOrderingThatCanTieOrAKeyOfAnotherOrderingFailsBeforeAnySql(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.page(Select.from(Child.class).orderBy("value"), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyset pagination of Child needs a unique ordering, but [value ASC] can tie");
        assertThatThrownBy(() -> session.page(Select.from(Child.class).orderBy("id"), 10, PageKey.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("this PageKey holds 2 values, but the query of Child pages by 1 order terms");

        recorder.assertThat().hasNoStatements();
        session.close().block(TIMEOUT);
    }
}
