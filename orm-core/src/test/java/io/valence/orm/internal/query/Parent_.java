package io.valence.orm.internal.query;

import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/** {@link Parent}'s JPA static metamodel, written as hibernate-jpamodelgen generates it. */
@StaticMetamodel(Parent.class)
public abstract class Parent_ {
    public static final String ID = "id";
    public static final String VALUE = "value";
    public static final String CHILDREN = "children";

    public static volatile SingularAttribute<Parent, Long> id;
    public static volatile SingularAttribute<Parent, String> value;
    public static volatile ListAttribute<Parent, Child> children;
}
