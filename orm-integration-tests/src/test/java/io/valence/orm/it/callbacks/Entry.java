package io.valence.orm.it.callbacks;

import io.valence.orm.reactive.ReactiveSession;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** An entity that records its callbacks, and whose listener can be told to misuse the session. */
@Entity
@EntityListeners(Entry.Misbehaving.class)
public class Entry {
    /** The session the listener calls when {@link #misbehave} is set. */
    static final AtomicReference<ReactiveSession> SESSION = new AtomicReference<>();
    static final List<Throwable> ERRORS = new ArrayList<>();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String text;
    public String touchedBy;

    @Transient
    public boolean misbehave;

    @Transient
    public final List<String> calls = new ArrayList<>();

    protected Entry() {}

    public Entry(String text) {
        this.text = text;
    }

    @PrePersist
    void prePersist() {
        calls.add("PrePersist");
    }

    @PostPersist
    void postPersist() {
        calls.add("PostPersist " + (id != null));
    }

    @PreUpdate
    void preUpdate() {
        touchedBy = "preUpdate";
        calls.add("PreUpdate");
    }

    @PostUpdate
    void postUpdate() {
        calls.add("PostUpdate");
    }

    @PreRemove
    void preRemove() {
        calls.add("PreRemove");
    }

    @PostRemove
    void postRemove() {
        calls.add("PostRemove");
    }

    @PostLoad
    void postLoad() {
        calls.add("PostLoad");
    }

    /** Calls the session from callbacks when the entry asks for it. */
    public static class Misbehaving {
        @PrePersist
        void prePersist(Entry entry) {
            if (entry.misbehave) {
                SESSION.get().add(new Entry("from a callback"));
            }
        }

        @PreUpdate
        void preUpdate(Entry entry) {
            if (entry.misbehave) {
                SESSION.get().get(Entry.class, 1L).subscribe(found -> {}, ERRORS::add);
            }
        }
    }
}
