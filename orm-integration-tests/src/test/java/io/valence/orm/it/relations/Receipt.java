package io.valence.orm.it.relations;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A unidirectional one-to-many: "receipt_id" lives on "receipt_line", which no field of {@link ReceiptLine} maps. */
@Entity
public class Receipt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "receipt_id")
    @OrderBy("position")
    public List<ReceiptLine> lines = new ArrayList<>();

    protected Receipt() {}

    public Receipt(String number) {
        this.number = number;
    }
}
