package io.valence.orm.it.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A unidirectional {@code @OneToMany} with {@code @JoinColumn} on PostgreSQL: the elements are
 * inserted, then linked by one UPDATE of their foreign key column; loading goes by that column.
 */
@ValenceTest(entities = {Receipt.class, ReceiptLine.class})
class JoinColumnOneToManyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A receipt whose lines are added out of order: positions 3, 1, 2. */
    private static Long receipt(SessionFactory factory) {
        return factory.inTransaction(session -> {
            Receipt receipt = new Receipt("R");
            receipt.lines.add(new ReceiptLine(3, "c"));
            receipt.lines.add(new ReceiptLine(1, "a"));
            receipt.lines.add(new ReceiptLine(2, "b"));
            session.add(receipt);
            return session.flush().then(Mono.fromSupplier(() -> receipt.id));
        }).block(TIMEOUT);
    }

    private static List<String> texts(Receipt receipt) {
        return receipt.lines.stream().map(line -> line.text).toList();
    }

    @Test
    void aNewReceiptsLinesAreInsertedThenLinkedByOneUpdate(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Long id = receipt(factory);
        recorder.assertThat().hasStatementCount(3);
        recorder.assertThat().updates().singleElement().sqlContains("UPDATE \"receipt_line\" AS x SET \"receipt_id\"");
        recorder.reset();
        Receipt loaded = factory.withSession(session -> session.one(
                Select.from(Receipt.class).filterBy("id", id).options(Load.selectIn("lines")))).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        assertThat(texts(loaded)).containsExactly("a", "b", "c");
    }

    @Test
    void aJoinedLoadIsOneStatementInTheCollectionsOrder(SessionFactory factory, StatementRecorder recorder) {
        Long id = receipt(factory);
        recorder.reset();
        Receipt loaded = factory.withSession(session -> session.one(
                Select.from(Receipt.class).filterBy("id", id).options(Load.joined("lines")))).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        assertThat(texts(loaded)).containsExactly("a", "b", "c");
    }

    @Test
    void aLineRemovedIsDeletedAsAnOrphanAndDeletingTheReceiptDeletesTheRest(SessionFactory factory) {
        Long id = receipt(factory);
        Long removed = factory.inTransaction(session -> session.get(Receipt.class, id)
                .flatMap(receipt -> session.fetch(receipt, "lines"))
                .map(receipt -> receipt.lines.remove(0).id)).block(TIMEOUT);
        Receipt after = factory.withSession(session -> session.get(Receipt.class, id)
                .flatMap(receipt -> session.fetch(receipt, "lines"))).block(TIMEOUT);
        assertThat(texts(after)).containsExactly("b", "c");
        assertThat(factory.withSession(session -> session.count(Select.from(ReceiptLine.class).filterBy("id", removed)))
                .block(TIMEOUT)).isZero();

        factory.inTransaction(session -> session.get(Receipt.class, id).doOnNext(session::delete)).block(TIMEOUT);
        assertThat(factory.withSession(session -> session.count(Select.from(Receipt.class).filterBy("id", id)))
                .block(TIMEOUT)).isZero();
    }

    @Test
    void theCreatedSchemaValidatesWithItsLinks(SessionFactory factory) {
        factory.schema().validate().block(TIMEOUT);
    }
}
