package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Select;
import java.util.Collection;
import java.util.List;

/** The metamodel of this package's test entities, rows as plain arrays, and objects loaded as if from the database. */
final class Library {
    static final Metamodel METAMODEL = Metamodel.of(List.of(Shelf.class, Volume.class, Tag.class, Badge.class));
    static final EntityMapping SHELF = METAMODEL.entity(Shelf.class);
    static final EntityMapping VOLUME = METAMODEL.entity(Volume.class);
    static final EntityMapping TAG = METAMODEL.entity(Tag.class);
    static final RelationshipMapping VOLUMES = SHELF.relationship("volumes");
    static final RelationshipMapping TAGS = SHELF.relationship("tags");
    static final RelationshipMapping SHELF_OF_VOLUME = VOLUME.relationship("shelf");

    private static final SelectRenderer SELECTS = new SelectRenderer(METAMODEL);

    private Library() {}

    /** A row as the driver would hand it over: the value at each column index, as stored. */
    static ResultRow row(Object... values) {
        return new ResultRow() {
            @Override
            public <T> T get(int index, Class<T> type) {
                return type.cast(values[index]);
            }
        };
    }

    static RenderedSelect render(Select<?> select) {
        return SELECTS.render(select);
    }

    /** Loads a row of one entity as a query would, the values in column order, foreign keys as ids. */
    static <T> T persistent(UnitOfWork unitOfWork, Class<T> type, Object... values) {
        return type.cast(unitOfWork.load(METAMODEL.entity(type), values, false));
    }

    /** Makes a collection loaded, as a load of it would leave it: members set, marked loaded, snapshotted. */
    static void loaded(UnitOfWork unitOfWork, Object owner, RelationshipMapping collection, Collection<Object> members) {
        EntityState state = unitOfWork.state(owner);
        collection.accessor().set(owner, members);
        state.loaded(collection, true);
        state.collectionSnapshot(collection, members);
    }
}
