package io.valence.orm.internal.unitofwork;

import static io.valence.orm.internal.unitofwork.fixtures.Model.inserted;
import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.MappingException;
import io.valence.orm.OrmException;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Book;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import org.junit.jupiter.api.Test;

/** Object states and the identity map, without I/O. */
class UnitOfWorkTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);

    private Status status(Object entity) {
        return unitOfWork.state(entity).status();
    }

    @Test
    void addMakesATransientObjectPending() {
        Author author = new Author("a");
        assertThat(unitOfWork.contains(author)).isFalse();

        unitOfWork.add(author);

        assertThat(status(author)).isEqualTo(Status.PENDING);
    }

    @Test
    void addingAChildAddsItsNewParent() {
        Author author = new Author("a");
        unitOfWork.add(new Book("b", author));

        assertThat(status(author)).isEqualTo(Status.PENDING);
    }

    @Test
    void addingAParentAddsTheChildrenInItsCollection() {
        Author author = new Author("a");
        Book book = new Book("b", author);
        author.books.add(book);
        unitOfWork.add(author);

        assertThat(status(book)).isEqualTo(Status.PENDING);
    }

    @Test
    void childrenReachedByCascadeAreAddedInTheOrderOfTheCollection() {
        Author author = new Author("a");
        Book first = new Book("1", author);
        Book second = new Book("2", author);
        Book third = new Book("3", author);
        author.books.add(first);
        author.books.add(second);
        author.books.add(third);
        unitOfWork.add(author);

        assertThat(unitOfWork.state(author).order()).isLessThan(unitOfWork.state(first).order());
        assertThat(unitOfWork.state(first).order()).isLessThan(unitOfWork.state(second).order());
        assertThat(unitOfWork.state(second).order()).isLessThan(unitOfWork.state(third).order());
    }

    @Test
    void anInsertMakesItPersistentAndFindableById() {
        Author author = new Author("a");
        unitOfWork.add(author);

        inserted(unitOfWork, 5L, author);

        assertThat(status(author)).isEqualTo(Status.PERSISTENT);
        assertThat(unitOfWork.find(Model.METAMODEL.entity(Author.class), 5L)).isSameAs(author);
    }

    @Test
    void deletingAPendingObjectForgetsIt() {
        Author author = new Author("a");
        unitOfWork.add(author);

        unitOfWork.delete(author);

        assertThat(unitOfWork.contains(author)).isFalse();
    }

    @Test
    void deleteMarksAPersistentObjectAndTheFlushedDeleteDetachesIt() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");

        unitOfWork.delete(author);
        assertThat(status(author)).isEqualTo(Status.DELETED);
        unitOfWork.deleted(unitOfWork.state(author));

        assertThat(unitOfWork.contains(author)).isFalse();
        assertThat(unitOfWork.find(Model.METAMODEL.entity(Author.class), 1L)).isNull();
    }

    @Test
    void addingADeletedObjectUndoesTheDelete() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        unitOfWork.delete(author);

        unitOfWork.add(author);

        assertThat(status(author)).isEqualTo(Status.PERSISTENT);
    }

    @Test
    void expungeDetachesAndFreesTheRow() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");

        unitOfWork.expunge(author);

        assertThat(unitOfWork.contains(author)).isFalse();
        assertThat(persistent(unitOfWork, Author.class, 1L, "a")).isNotSameAs(author);
    }

    @Test
    void theSameRowLoadedTwiceIsTheSameObjectAndKeepsItsUnflushedChange() {
        Author author = persistent(unitOfWork, Author.class, 1L, "loaded");
        author.name = "changed";

        Author again = persistent(unitOfWork, Author.class, 1L, "loaded");

        assertThat(again).isSameAs(author);
        assertThat(author.name).isEqualTo("changed");
    }

    @Test
    void anExpiredObjectIsOverwrittenByItsNextRow() {
        Author author = persistent(unitOfWork, Author.class, 1L, "loaded");
        author.name = "changed";
        unitOfWork.expire(author);

        persistent(unitOfWork, Author.class, 1L, "in the database");

        assertThat(author.name).isEqualTo("in the database");
        assertThat(unitOfWork.state(author).isExpired()).isFalse();
    }

    @Test
    void rollbackExpungesWhatTheTransactionAddedAndRestoresWhatItDeleted() {
        Author kept = persistent(unitOfWork, Author.class, 1L, "kept");
        Author deleted = persistent(unitOfWork, Author.class, 2L, "deleted");
        Author added = new Author("added");
        Author neverFlushed = new Author("never flushed");
        unitOfWork.add(added);
        inserted(unitOfWork, 3L, added);
        unitOfWork.delete(deleted);
        unitOfWork.deleted(unitOfWork.state(deleted));
        unitOfWork.add(neverFlushed);

        unitOfWork.rolledBack();

        assertThat(unitOfWork.contains(added)).isFalse();
        assertThat(added.id).as("a generated id that was rolled back").isNull();
        assertThat(unitOfWork.contains(neverFlushed)).isFalse();
        assertThat(status(deleted)).isEqualTo(Status.PERSISTENT);
        assertThat(unitOfWork.find(Model.METAMODEL.entity(Author.class), 2L)).isSameAs(deleted);
        assertThat(unitOfWork.state(kept).isExpired()).isTrue();
    }

    @Test
    void aCommitMakesTheTransactionsWorkFinal() {
        Author added = new Author("added");
        unitOfWork.add(added);
        inserted(unitOfWork, 3L, added);
        unitOfWork.committed();

        unitOfWork.rolledBack();

        assertThat(status(added)).isEqualTo(Status.PERSISTENT);
        assertThat(added.id).isEqualTo(3L);
    }

    @Test
    void addingADetachedObjectIsRejectedBecauseItsRowExists() {
        Author detached = new Author("from another session");
        detached.id = 8L;

        assertThatThrownBy(() -> unitOfWork.add(detached))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Author#8 is detached")
                .hasMessageContaining("session.merge(");
    }

    @Test
    void aDetachedParentOfANewChildIsReferencedNotCascadedTo() {
        Author detached = new Author("from another session");
        detached.id = 8L;
        Book book = new Book("b", detached);

        unitOfWork.add(book);

        assertThat(unitOfWork.contains(detached)).isFalse();
        assertThat(unitOfWork.values().all(unitOfWork.state(book))).containsExactly(null, "b", null, 8L);
    }

    @Test
    void anUnmappedObjectIsAMappingErrorNamingItsClass() {
        assertThatThrownBy(() -> unitOfWork.add("not an entity"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("java.lang.String is not mapped")
                .hasMessageContaining(".entities(String.class)");
    }

    @Test
    void deletingAnObjectThatIsNotInTheSessionSaysHowToLoadIt() {
        assertThatThrownBy(() -> unitOfWork.delete(new Author("stranger")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Author (transient, no id) is not in this session")
                .hasMessageContaining("session.get");
    }

    @Test
    void expiringAPendingObjectIsRejected() {
        Author author = new Author("a");
        unitOfWork.add(author);

        assertThatThrownBy(() -> unitOfWork.expire(author))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(OrmException.class)
                .hasMessageContaining("is not persistent in this session");
    }
}
