package io.valence.orm.jackson.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import jakarta.persistence.Transient;

/**
 * Makes Jackson see a mapped class as Valence does: every field, whatever its visibility, and no
 * getter; {@code @Transient} fields are ignored. Other classes keep Jackson's defaults.
 */
public final class EntityIntrospector extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    /** Created by {@code ValenceJacksonModule}. */
    public EntityIntrospector() {}

    @Override
    public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass type, VisibilityChecker<?> checker) {
        if (!Entities.isMapped(type.getRawType())) {
            return checker;
        }
        return checker.withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE);
    }

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember member) {
        return member instanceof AnnotatedField field && field.hasAnnotation(Transient.class)
                && Entities.isMapped(field.getDeclaringClass());
    }
}
