package io.valence.orm.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.valence.orm.MappingException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.JsonCodec;
import io.valence.orm.internal.mapping.MappingOptions;
import io.valence.orm.internal.mapping.Metamodel;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lifecycle callbacks run at the moments JPA defines, in JPA's order, and their changes are flushed. */
class LifecycleCallbacksTest {
    static final List<String> CALLS = new ArrayList<>();

    public static class AuditListener {
        @PrePersist
        void prePersist(Object entity) {
            CALLS.add("listener prePersist " + ((Note) entity).text);
        }
    }

    @MappedSuperclass
    @EntityListeners(AuditListener.class)
    abstract static class Base {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;

        String stamp;

        @PrePersist
        void basePrePersist() {
            CALLS.add("base prePersist, id " + (id != null));
        }
    }

    @Entity
    static class Note extends Base {
        String text;

        @PrePersist
        void prePersist() {
            CALLS.add("note prePersist");
        }

        @PreUpdate
        void preUpdate() {
            stamp = "updated";
            CALLS.add("preUpdate");
        }

        @PreRemove
        void preRemove() {
            CALLS.add("preRemove");
        }

        @PostPersist
        @PostUpdate
        @PostRemove
        void written() {
            CALLS.add("written");
        }

        @PostLoad
        void postLoad() {
            CALLS.add("postLoad " + text);
        }
    }

    private static final UUID FIXED = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    private static final Metamodel METAMODEL =
            Metamodel.of(List.of(Note.class), new MappingOptions(List.of(), () -> FIXED, JsonCodec.NONE));
    private final UnitOfWork unitOfWork = new UnitOfWork(METAMODEL);

    @Test
    void prePersistRunsAtAddAfterTheUuidIsAssignedListenersFirstThenSuperclassThenEntity() {
        CALLS.clear();
        Note note = new Note();
        note.text = "a";

        unitOfWork.add(note);

        assertThat(note.id).isEqualTo(FIXED);
        assertThat(CALLS).containsExactly("listener prePersist a", "base prePersist, id true", "note prePersist");
    }

    @Test
    void preUpdateRunsOnlyForChangedObjectsAndWhatItSetsIsPartOfTheSameUpdate() {
        Note clean = load(UUID.randomUUID(), "clean");
        Note changed = load(UUID.randomUUID(), "before");
        CALLS.clear();
        changed.text = "after";

        ChangeSet changes = new ChangeCollector(unitOfWork).collect();

        assertThat(CALLS).containsExactly("preUpdate");
        assertThat(changes.updates()).hasSize(1);
        assertThat(changes.updates().get(0).state().entity()).isSameAs(changed);
        assertThat(changes.updates().get(0).columns()).extracting(ColumnMapping::property).containsExactly("stamp", "text");
        assertThat(clean.stamp).isNull();
    }

    @Test
    void postCallbacksRunAfterTheRowWasWrittenAndPreRemoveAtDelete() {
        Note note = new Note();
        unitOfWork.add(note);
        CALLS.clear();

        unitOfWork.inserted(unitOfWork.state(note));
        unitOfWork.delete(note);
        unitOfWork.deleted(unitOfWork.state(note));

        assertThat(CALLS).containsExactly("written", "preRemove", "written");
    }

    @Test
    void postLoadRunsWhenARowIsLoadedIntoTheObject() {
        CALLS.clear();
        load(UUID.randomUUID(), "loaded");

        assertThat(CALLS).containsExactly("postLoad loaded");
    }

    @Test
    void theRunningCallbackIsKnownWhileItRunsSoTheSessionCanRefuseToBeUsedFromIt() {
        List<String> seen = new ArrayList<>();
        Note note = new Note() {
            @Override
            void prePersist() {
                seen.add(unitOfWork.events().running());
            }
        };

        unitOfWork.add(note);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith("@PrePersist AuditListener.prePersist(Object), @PrePersist Base.basePrePersist()");
        assertThat(unitOfWork.events().running()).isNull();
    }

    @Entity
    static class BadCallbacks {
        @Id
        Long id;

        @PrePersist
        String withResult() {
            return "";
        }

        @Id
        Long getId() {
            return id;
        }
    }

    @Test
    void callbackSignaturesAndMappingAnnotationsOnMethodsAreReported() {
        assertThatExceptionOfType(MappingException.class)
                .isThrownBy(() -> Metamodel.of(List.of(BadCallbacks.class)))
                .satisfies(e -> assertThat(e.problems()).containsExactly(
                        "BadCallbacks.getId() is annotated with @Id, but Valence reads mappings from fields only (field"
                                + " access); on methods it supports the lifecycle callbacks (@PrePersist, @PreUpdate,"
                                + " @PreRemove, @PostPersist, @PostUpdate, @PostRemove, @PostLoad): move @Id to the"
                                + " field",
                        "BadCallbacks.withResult is a @PrePersist callback, but a callback on the entity must be an"
                                + " instance method without parameters returning void (e.g. `void withResult()`):"
                                + " change its signature"));
    }

    private Note load(UUID id, String text) {
        return (Note) unitOfWork.load(METAMODEL.entity(Note.class), new Object[] {id, null, text}, false);
    }
}
