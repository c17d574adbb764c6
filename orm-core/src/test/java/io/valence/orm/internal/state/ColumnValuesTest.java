package io.valence.orm.internal.state;

import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Book;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Column values as the row would hold them, and the comparison dirty checking relies on. */
class ColumnValuesTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);

    @Test
    void decimalsCompareByValueNotScale() {
        assertThat(ColumnValues.same(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
        assertThat(ColumnValues.same(new BigDecimal("1.0"), new BigDecimal("1.01"))).isFalse();
    }

    @Test
    void byteArraysCompareByContent() {
        assertThat(ColumnValues.same(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ColumnValues.same(new byte[] {1, 2}, new byte[] {2, 1})).isFalse();
        assertThat(ColumnValues.same(null, new byte[0])).isFalse();
    }

    @Test
    void aForeignKeyReadsAsTheTargetsId() {
        Author author = persistent(unitOfWork, Author.class, 4L, "a");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 1, 4L);

        EntityState state = unitOfWork.state(book);
        Object[] all = unitOfWork.values().all(state);

        assertThat(book.author).isSameAs(author);
        assertThat(all).containsExactly(10L, "b", 1, 4L);
    }

    @Test
    void onlyColumnsThatDifferFromTheSnapshotAreChanged() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 1, null);
        book.id = 99L;

        assertThat(unitOfWork.values().changed(unitOfWork.state(book))).as("the id never counts").isEmpty();

        book.pages = 2;
        assertThat(unitOfWork.values().changed(unitOfWork.state(book)))
                .extracting(column -> column.column())
                .containsExactly("pages");
    }
}
