package io.valence.orm.it.session.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field of every supported Java type, primitives and boxes, so flush arrays and loads of each are exercised. */
@Entity
public class Sample {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Which test wrote the row, so tests of one class never read each other's rows. */
    @Column(length = 40)
    public String label;

    public long primitiveLong;
    public Long boxedLong;
    public int primitiveInt;
    public Integer boxedInt;
    public short primitiveShort;
    public Short boxedShort;
    public boolean primitiveBoolean;
    public Boolean boxedBoolean;
    public double primitiveDouble;
    public Double boxedDouble;
    public float primitiveFloat;
    public Float boxedFloat;

    public BigDecimal plainDecimal;

    @Column(precision = 12, scale = 2)
    public BigDecimal money;

    @Column(length = 20)
    public String shortText;

    public String longText;
    public UUID uuid;
    public LocalDate date;
    public LocalDateTime dateTime;
    public OffsetDateTime offsetDateTime;
    public Instant instant;
    public byte[] bytes;

    @Enumerated(EnumType.STRING)
    public Colour colourName;

    @Enumerated(EnumType.ORDINAL)
    public Colour colourOrdinal;

    public Sample() {}

    public Sample(String label) {
        this.label = label;
    }
}
