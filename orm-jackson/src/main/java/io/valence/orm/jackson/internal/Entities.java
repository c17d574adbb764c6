package io.valence.orm.jackson.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;

/** Recognises mapped classes, their relationships and their id field from the jakarta.persistence annotations. */
final class Entities {
    private Entities() {}

    /** Whether Valence maps the class, or a superclass of it, as an entity, mapped superclass or embeddable. */
    static boolean isMapped(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (current.isAnnotationPresent(Entity.class) || current.isAnnotationPresent(MappedSuperclass.class)
                    || current.isAnnotationPresent(Embeddable.class)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class, or a superclass of it, is an {@code @Entity} (something with an id). */
    static boolean isEntity(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (current.isAnnotationPresent(Entity.class)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field holds a relationship. */
    static boolean isRelationship(AnnotatedElement member) {
        return member.isAnnotationPresent(ManyToOne.class) || member.isAnnotationPresent(OneToOne.class)
                || member.isAnnotationPresent(OneToMany.class) || member.isAnnotationPresent(ManyToMany.class);
    }

    /** The {@code @Id} or {@code @EmbeddedId} field of an entity, made readable; {@code null} when it has none. */
    static Field idField(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        return null;
    }
}
