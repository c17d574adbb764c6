package io.valence.orm.internal.query;

import io.valence.orm.internal.sql.SqlStatement.Bind;
import java.util.ArrayList;
import java.util.List;

/** Numbers the {@code $n} markers of one statement and remembers what each binds. */
final class Parameters {
    private final List<BindSlot> slots = new ArrayList<>();

    /** Adds a slot and returns its marker, {@code $1} for the first. */
    String add(BindSlot slot) {
        slots.add(slot);
        return "$" + slots.size();
    }

    int size() {
        return slots.size();
    }

    List<BindSlot> slots() {
        return List.copyOf(slots);
    }

    /** The binds of every slot for one query's values. */
    static List<Bind> bind(List<BindSlot> slots, QueryValues values) {
        List<Bind> binds = new ArrayList<>(slots.size());
        for (BindSlot slot : slots) {
            binds.add(slot.bind(values));
        }
        return binds;
    }
}
