package io.valence.orm.internal.unitofwork;

import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Book;
import io.valence.orm.internal.unitofwork.fixtures.Cart;
import io.valence.orm.internal.unitofwork.fixtures.Item;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a flush must send, worked out from the tracked objects: cascades, both sides of relationships, dirty columns. */
class ChangeCollectorTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);

    private ChangeSet collect() {
        return new ChangeCollector(unitOfWork).collect();
    }

    private static List<Object> entities(List<EntityState> states) {
        return states.stream().map(EntityState::entity).toList();
    }

    private static List<String> updatedColumns(ChangeSet changes) {
        return changes.updates().stream()
                .flatMap(update -> update.columns().stream().map(ColumnMapping::column))
                .toList();
    }

    /** Gives a persistent object a loaded collection, as a select-in load would. */
    private void loadCollection(Object owner, String relationship, Object... members) {
        EntityState state = unitOfWork.state(owner);
        RelationshipMapping mapping = state.mapping().relationship(relationship);
        mapping.accessor().set(owner, new ArrayList<>(List.of(members)));
        state.loaded(mapping, true);
        state.collectionSnapshot(mapping, List.of(members));
    }

    @Test
    void unchangedPersistentObjectsProduceNoChange() {
        persistent(unitOfWork, Author.class, 1L, "a");
        persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);

        assertThat(collect().isEmpty()).isTrue();
    }

    @Test
    void aChangedFieldIsTheOnlyColumnUpdated() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, null);
        book.pages = 101;

        ChangeSet changes = collect();

        assertThat(entities(changes.updates().stream().map(ChangeSet.RowUpdate::state).toList())).containsExactly(book);
        assertThat(updatedColumns(changes)).containsExactly("pages");
    }

    @Test
    void aFieldSetBackToItsLoadedValueIsNotAChange() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, null);
        book.title = "changed";
        book.title = "b";

        assertThat(collect().isEmpty()).isTrue();
    }

    @Test
    void aReferenceToAnotherParentUpdatesOnlyTheForeignKey() {
        persistent(unitOfWork, Author.class, 1L, "first");
        Author second = persistent(unitOfWork, Author.class, 2L, "second");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);
        book.author = second;

        assertThat(updatedColumns(collect())).containsExactly("author_id");
    }

    @Test
    void aToOneThatWasNotLoadedKeepsItsForeignKey() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, 7L);

        assertThat(book.author).isNull();
        assertThat(collect().isEmpty()).isTrue();
    }

    @Test
    void aNewParentAssignedToAPersistentChildIsInsertedWithoutAdd() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, null);
        Author author = new Author("new");
        book.author = author;

        ChangeSet changes = collect();

        assertThat(entities(changes.inserts())).containsExactly(author);
        assertThat(updatedColumns(changes)).containsExactly("author_id");
    }

    @Test
    void aChildAddedOnlyToItsParentsCollectionGetsItsParentSet() {
        Author author = new Author("a");
        Book book = new Book("b", null);
        author.books.add(book);
        unitOfWork.add(author);

        ChangeSet changes = collect();

        assertThat(book.author).isSameAs(author);
        assertThat(entities(changes.inserts())).containsExactly(author, book);
    }

    @Test
    void aNewChildInALoadedCollectionOfAPersistentParentIsAddedAndPointedAtIt() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        loadCollection(author, "books");
        Book book = new Book("b", null);
        author.books.add(book);

        ChangeSet changes = collect();

        assertThat(book.author).isSameAs(author);
        assertThat(entities(changes.inserts())).containsExactly(book);
    }

    @Test
    void sidesThatContradictEachOtherAreAnErrorNamingBothObjects() {
        Author first = persistent(unitOfWork, Author.class, 1L, "first");
        Author second = persistent(unitOfWork, Author.class, 2L, "second");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);
        loadCollection(second, "books");
        second.books.add(book);

        assertThat(book.author).isSameAs(first);
        assertThatThrownBy(this::collect)
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("Author#2.books holds Book#10, but Book#10.author refers to Author#1")
                .hasMessageContaining("contradict each other")
                .hasMessageContaining("Make them agree");
    }

    @Test
    void deletingAParentWhoseLoadedChildStillPointsAtItIsAnErrorNamingBoth() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);
        unitOfWork.delete(author);

        assertThatThrownBy(this::collect)
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("Author#1 is marked for deletion, but Book#10 still refers to it through Book.author")
                .hasMessageContaining("cascade = CascadeType.REMOVE");
    }

    @Test
    void deletingAParentAndItsChildrenTogetherIsFine() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);
        unitOfWork.delete(book);
        unitOfWork.delete(author);

        assertThat(entities(collect().deletes())).containsExactlyInAnyOrder(author, book);
    }

    @Test
    void cascadeRemoveDeletesTheMembersOfALoadedCollection() {
        Cart cart = persistent(unitOfWork, Cart.class, 1L, "c");
        Item first = persistent(unitOfWork, Item.class, 10L, "x", 1L);
        Item second = persistent(unitOfWork, Item.class, 11L, "y", 1L);
        loadCollection(cart, "items", first, second);

        assertThat(unitOfWork.delete(cart)).isEmpty();
        assertThat(entities(collect().deletes())).containsExactlyInAnyOrder(cart, first, second);
    }

    @Test
    void cascadeRemoveAlongAnUnloadedCollectionAsksForItToBeLoaded() {
        Cart cart = persistent(unitOfWork, Cart.class, 1L, "c");

        List<UnitOfWork.Unloaded> unloaded = unitOfWork.delete(cart);

        assertThat(unloaded).singleElement().satisfies(missing -> {
            assertThat(missing.state().entity()).isSameAs(cart);
            assertThat(missing.relationship().name()).isEqualTo("items");
        });
    }

    @Test
    void anItemRemovedFromACollectionWithOrphanRemovalIsDeleted() {
        Cart cart = persistent(unitOfWork, Cart.class, 1L, "c");
        Item kept = persistent(unitOfWork, Item.class, 10L, "x", 1L);
        Item removed = persistent(unitOfWork, Item.class, 11L, "y", 1L);
        loadCollection(cart, "items", kept, removed);
        cart.items.remove(removed);

        ChangeSet changes = collect();

        assertThat(entities(changes.deletes())).containsExactly(removed);
        assertThat(changes.updates()).isEmpty();
    }

    @Test
    void aChildRemovedFromACollectionWithoutOrphanRemovalLosesItsParent() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, 1L);
        loadCollection(author, "books", book);
        author.books.remove(book);

        ChangeSet changes = collect();

        assertThat(book.author).isNull();
        assertThat(changes.deletes()).isEmpty();
        assertThat(updatedColumns(changes)).containsExactly("author_id");
    }

    @Test
    void aChangeMadeBeforeExpireIsDiscardedAndOneMadeAfterIsUpdated() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, null);
        book.title = "before expire";
        unitOfWork.expire(book);

        assertThat(collect().isEmpty()).as("the expiry discards it; the next load overwrites it").isTrue();

        book.pages = 101;
        assertThat(updatedColumns(collect())).containsExactly("pages");
    }

    @Test
    void aRollbackDiscardsChangesThatWereNeverFlushed() {
        Book book = persistent(unitOfWork, Book.class, 10L, "b", 100, null);
        book.title = "never flushed";

        unitOfWork.rolledBack();

        assertThat(collect().isEmpty()).isTrue();
    }

    @Test
    void insertsAreListedInAddOrder() {
        Author first = new Author("1");
        Author second = new Author("2");
        unitOfWork.add(second);
        unitOfWork.add(first);

        assertThat(entities(collect().inserts())).containsExactly(second, first);
    }
}
