package io.valence.orm.it.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The embedded key of a {@link RoomNight}: a room and a night number. */
@Embeddable
public class NightId {
    @Column(length = 20)
    public String room;

    public int night;

    protected NightId() {}

    public NightId(String room, int night) {
        this.room = room;
        this.night = night;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NightId id && Objects.equals(id.room, room) && id.night == night;
    }

    @Override
    public int hashCode() {
        return Objects.hash(room, night);
    }

    @Override
    public String toString() {
        return "(" + room + ", " + night + ")";
    }
}
