package io.valence.orm.it.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * {@code @ManyToMany} on PostgreSQL: link rows written by one statement per link table, loaded by
 * select-in (one statement), joins and fetch, both sides in step, deletes taking their link rows.
 */
@ValenceTest(entities = {Purchase.class, Tag.class})
class ManyToManyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A hundred purchases "{prefix}-000…099" and three tags "{prefix}-a/b/c", none linked. */
    private static String unlinked(SessionFactory factory) {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        factory.inTransaction(session -> {
            for (String name : List.of("a", "b", "c")) {
                session.add(new Tag(prefix + "-" + name));
            }
            for (int i = 0; i < 100; i++) {
                session.add(new Purchase(prefix + "-" + String.format("%03d", i)));
            }
            return Mono.empty();
        }).block(TIMEOUT);
        return prefix;
    }

    private static Select<Purchase> purchases(String prefix) {
        return Select.from(Purchase.class).where(Condition.like("label", prefix + "-%")).orderBy("label");
    }

    private static Select<Tag> tags(String prefix) {
        return Select.from(Tag.class).where(Condition.like("name", prefix + "-%")).orderBy("name");
    }

    /** Links every purchase to every tag, in one flush. */
    private static void linkAll(SessionFactory factory, String prefix) {
        factory.inTransaction(session -> session.scalars(tags(prefix)).collectList().flatMap(tags -> session
                .scalars(purchases(prefix).options(Load.selectIn("tags"))).collectList()
                .doOnNext(purchases -> purchases.forEach(purchase -> purchase.tags.addAll(tags)))))
                .block(TIMEOUT);
    }

    private static List<String> names(Purchase purchase) {
        return purchase.tags.stream().map(tag -> tag.name.substring(tag.name.length() - 1)).toList();
    }

    @Test
    void addingThreeTagsToEachOfAHundredPurchasesFlushesOneInsertIntoTheLinkTable(
            SessionFactory factory, StatementRecorder recorder) {
        String prefix = unlinked(factory);
        List<Tag> tags = factory.withSession(session -> session.scalars(tags(prefix)).collectList()).block(TIMEOUT);
        recorder.reset();
        factory.inTransaction(session -> session.scalars(tags(prefix)).collectList().flatMap(loaded -> session
                .scalars(purchases(prefix).options(Load.selectIn("tags"))).collectList()
                .flatMap(purchases -> {
                    purchases.forEach(purchase -> purchase.tags.addAll(loaded));
                    recorder.reset();
                    return session.flush();
                }))).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().inserts().singleElement().sqlContains("INSERT INTO \"purchase_tag\"");
        List<Purchase> loaded = factory.withSession(session -> session.scalars(purchases(prefix).options(Load.selectIn("tags"))).collectList())
                .block(TIMEOUT);
        assertThat(loaded).hasSize(100).allSatisfy(purchase -> assertThat(names(purchase)).containsExactlyInAnyOrder("a", "b", "c"));
        assertThat(tags).hasSize(3);
    }

    @Test
    void loadingAHundredPurchasesWithTheirTagsBySelectInIsTwoStatements(SessionFactory factory, StatementRecorder recorder) {
        String prefix = unlinked(factory);
        linkAll(factory, prefix);
        recorder.reset();
        List<Purchase> loaded = factory.withSession(session -> session.scalars(purchases(prefix).options(Load.selectIn("tags"))).collectList())
                .block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        assertThat(loaded).hasSize(100).allSatisfy(purchase -> assertThat(purchase.tags).hasSize(3));
        assertThat(loaded.get(0).tags).as("one object per row, shared by every purchase")
                .containsExactlyInAnyOrderElementsOf(loaded.get(99).tags);
    }

    @Test
    void theInverseSideLoadsInItsOrderByJoinedLoadingInOneStatement(SessionFactory factory, StatementRecorder recorder) {
        String prefix = unlinked(factory);
        linkAll(factory, prefix);
        recorder.reset();
        List<Tag> loaded = factory.withSession(session -> session.scalars(tags(prefix).options(Load.joined("purchases"))).collectList())
                .block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        assertThat(loaded).hasSize(3).allSatisfy(tag -> {
            assertThat(tag.purchases).hasSize(100);
            assertThat(tag.purchases.get(0).label).endsWith("-000");
            assertThat(tag.purchases.get(99).label).endsWith("-099");
        });
    }

    @Test
    void removingATagUnlinksItAndAddingOnTheInverseSideLinksBothSides(SessionFactory factory) {
        String prefix = unlinked(factory);
        linkAll(factory, prefix);
        Purchase first = factory.inTransaction(session -> session.scalars(tags(prefix).options(Load.selectIn("purchases")))
                .collectList()
                .flatMap(tags -> session.one(purchases(prefix).filterBy("label", prefix + "-000"))
                        .flatMap(purchase -> session.fetch(purchase, "tags"))
                        .flatMap(purchase -> {
                            purchase.tags.remove(tags.get(0));
                            tags.get(1).purchases.remove(purchase);
                            return session.flush().thenReturn(purchase);
                        }))).block(TIMEOUT);
        assertThat(names(first)).as("the owning side follows the inverse side's removal").containsExactly("c");
        Purchase reloaded = factory.withSession(session -> session.one(
                purchases(prefix).filterBy("label", prefix + "-000").options(Load.selectIn("tags")))).block(TIMEOUT);
        assertThat(names(reloaded)).containsExactly("c");
    }

    @Test
    void deletingAPurchaseDeletesItsLinkRowsFirst(SessionFactory factory) {
        String prefix = unlinked(factory);
        linkAll(factory, prefix);
        factory.inTransaction(session -> session.one(purchases(prefix).filterBy("label", prefix + "-000"))
                .doOnNext(session::delete)).block(TIMEOUT);
        List<Tag> tags = factory.withSession(session -> session.scalars(tags(prefix).options(Load.selectIn("purchases"))).collectList())
                .block(TIMEOUT);
        assertThat(tags).allSatisfy(tag -> assertThat(tag.purchases).hasSize(99));
    }

    @Test
    void aConditionThroughTheLinkTableFindsThePurchasesOfATag(SessionFactory factory) {
        String prefix = unlinked(factory);
        factory.inTransaction(session -> session.one(tags(prefix).filterBy("name", prefix + "-b"))
                .flatMap(b -> session.scalars(purchases(prefix).limit(2).options(Load.selectIn("tags"))).collectList()
                        .doOnNext(purchases -> purchases.forEach(purchase -> purchase.tags.add(b))))).block(TIMEOUT);
        List<String> labels = factory.withSession(session -> session.scalars(
                        purchases(prefix).join("tags").filterBy("tags.name", prefix + "-b"))
                .map(purchase -> purchase.label.substring(purchase.label.length() - 3)).collectList()).block(TIMEOUT);
        assertThat(labels).containsExactly("000", "001");
    }

    @Test
    void theCreatedSchemaValidatesWithItsLinks(SessionFactory factory) {
        factory.schema().validate().block(TIMEOUT);
    }
}
