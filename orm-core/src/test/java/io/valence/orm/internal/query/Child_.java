package io.valence.orm.internal.query;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/** {@link Child}'s JPA static metamodel, written as hibernate-jpamodelgen generates it. */
@StaticMetamodel(Child.class)
public abstract class Child_ {
    public static final String ID = "id";
    public static final String VALUE = "value";
    public static final String PARENT = "parent";

    public static volatile SingularAttribute<Child, Long> id;
    public static volatile SingularAttribute<Child, String> value;
    public static volatile SingularAttribute<Child, Parent> parent;
}
