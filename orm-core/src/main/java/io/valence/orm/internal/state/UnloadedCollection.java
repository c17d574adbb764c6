package io.valence.orm.internal.state;

import io.valence.orm.RelationshipNotLoadedException;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.Spliterator;

/**
 * Stands in a collection field whose relationship was not loaded. Any use of its content throws
 * {@link RelationshipNotLoadedException}: Valence never loads relationships implicitly, so touching
 * one that was not loaded is an error that names the fix instead of hidden blocking I/O. It is a
 * {@code List} and a {@code Set} so that it fits every supported field type.
 *
 * @param <E> the element type
 */
public final class UnloadedCollection<E> extends AbstractCollection<E> implements List<E>, Set<E> {
    private final String entityType;
    private final String relationship;

    /**
     * Creates the placeholder for one relationship.
     *
     * @param entityType the owning entity's simple name
     * @param relationship the relationship's property name
     */
    public UnloadedCollection(String entityType, String relationship) {
        this.entityType = entityType;
        this.relationship = relationship;
    }

    private RelationshipNotLoadedException notLoaded() {
        return new RelationshipNotLoadedException(entityType, relationship);
    }

    @Override
    public Iterator<E> iterator() {
        throw notLoaded();
    }

    @Override
    public int size() {
        throw notLoaded();
    }

    @Override
    public Spliterator<E> spliterator() {
        throw notLoaded();
    }

    @Override
    public boolean add(E element) {
        throw notLoaded();
    }

    @Override
    public E get(int index) {
        throw notLoaded();
    }

    @Override
    public E set(int index, E element) {
        throw notLoaded();
    }

    @Override
    public void add(int index, E element) {
        throw notLoaded();
    }

    @Override
    public E remove(int index) {
        throw notLoaded();
    }

    @Override
    public int indexOf(Object element) {
        throw notLoaded();
    }

    @Override
    public int lastIndexOf(Object element) {
        throw notLoaded();
    }

    @Override
    public ListIterator<E> listIterator() {
        throw notLoaded();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        throw notLoaded();
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        throw notLoaded();
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        throw notLoaded();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Describes the placeholder without touching content, so debuggers and logs do not throw. */
    @Override
    public String toString() {
        return "<not loaded: " + entityType + "." + relationship + ">";
    }
}
