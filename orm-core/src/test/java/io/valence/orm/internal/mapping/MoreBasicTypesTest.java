package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LocalTime, Duration and BigInteger columns; types PostgreSQL would not keep faithfully are refused with the fix. */
class MoreBasicTypesTest {

    @Entity
    static class Shift {
        @Id
        Long id;

        LocalTime starts;
        Duration length;
        BigInteger counter;

        @Column(precision = 30)
        BigInteger bounded;

        @Column(precision = 10, scale = 2)
        BigDecimal price;

        LocalDateTime local;
        OffsetDateTime offset;
        Instant instant;
    }

    private static final Metamodel METAMODEL = Metamodel.of(List.of(Shift.class));
    private static final EntityMapping SHIFT = METAMODEL.entity(Shift.class);

    @Test
    void localTimeDurationAndBigIntegerMapToTimeIntervalAndNumeric() {
        assertThat(SHIFT.columns().subList(1, 5))
                .extracting(ColumnMapping::column, c -> c.type().ddlType(), c -> c.type().arrayType(),
                        c -> c.type().driverType())
                .containsExactly(
                        tuple("starts", "time", "time[]", LocalTime.class),
                        tuple("length", "interval", "interval[]", Duration.class),
                        tuple("counter", "numeric", "numeric[]", BigDecimal.class),
                        tuple("bounded", "numeric(30,0)", "numeric[]", BigDecimal.class));
        ColumnType counter = SHIFT.column("counter").type();
        assertThat(counter.toDriver(BigInteger.TEN.pow(30))).isEqualTo(new BigDecimal(BigInteger.TEN.pow(30)));
        assertThat(counter.fromDriver(new BigDecimal("12"))).isEqualTo(BigInteger.valueOf(12));
    }

    @Test
    void afterAWriteTheObjectHoldsWhatTheColumnKeepsMicrosecondsAndTheDeclaredScale() {
        UnitOfWork unitOfWork = new UnitOfWork(METAMODEL);
        Shift shift = new Shift();
        shift.id = 1L;
        shift.price = new BigDecimal("2.345");
        shift.starts = LocalTime.of(8, 0, 0, 123_456_789);
        shift.length = Duration.ofNanos(1_999);
        shift.local = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 999_999_999);
        shift.offset = OffsetDateTime.parse("2026-01-02T03:04:05.0000015Z");
        shift.instant = Instant.parse("2026-01-02T03:04:05.123456789Z");
        unitOfWork.add(shift);
        EntityState state = unitOfWork.state(shift);

        assertThat(SHIFT.column("price").type().toDriver(shift.price)).as("bound as the column keeps it")
                .isEqualTo(new BigDecimal("2.35"));
        unitOfWork.inserted(state);

        assertThat(shift.price).isEqualTo(new BigDecimal("2.35"));
        assertThat(shift.starts).isEqualTo(LocalTime.of(8, 0, 0, 123_456_000));
        assertThat(shift.length).isEqualTo(Duration.ofNanos(1_000));
        assertThat(shift.local).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 999_999_000));
        assertThat(shift.offset).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05.000001Z"));
        assertThat(shift.instant).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(unitOfWork.values().changed(state)).as("the snapshot holds the same values").isEmpty();
    }

    @Entity
    static class Meeting {
        @Id
        Long id;

        ZonedDateTime at;
    }

    @Test
    void zonedDateTimeIsRefusedWithTheTypesToUseInstead() {
        assertThat(MappingProblems.of(Meeting.class)).containsExactly(
                "Meeting.at has type ZonedDateTime, which PostgreSQL cannot store faithfully; PostgreSQL's timestamptz"
                        + " keeps the instant but not the zone, so a ZonedDateTime would come back in another zone: use"
                        + " OffsetDateTime or Instant, and keep the zone id in a String (or ZoneId through an"
                        + " AttributeConverter) field of its own");
    }
}
