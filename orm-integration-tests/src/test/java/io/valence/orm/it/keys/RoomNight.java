package io.valence.orm.it.keys;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A booking of a room for a night, keyed by an {@code @EmbeddedId}, unversioned. */
@Entity
public class RoomNight {
    @EmbeddedId
    public NightId id;

    public String guest;

    protected RoomNight() {}

    public RoomNight(String room, int night, String guest) {
        this.id = new NightId(room, night);
        this.guest = guest;
    }
}
