package io.valence.orm.it.arrays;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every array shape Valence maps without an annotation. */
@Entity
public class Bag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String label;
    public String[] names;
    public List<Long> counts = new ArrayList<>();
    public long[] sizes;
    public int[] ints;
    public Integer[] boxed;
    public List<Integer> ratings = new ArrayList<>();
    public UUID[] refs;
    public List<UUID> links = new ArrayList<>();

    protected Bag() {}

    public Bag(String label) {
        this.label = label;
    }
}
