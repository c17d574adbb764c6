package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.session.model.Shift;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LocalTime, Duration and BigInteger round-trip; after a flush the object holds what the database holds. */
@io.valence.orm.testkit.ValenceTest(entities = Shift.class)
class MoreTypesIT {

    private static Shift shift(String name) {
        Shift shift = new Shift(name);
        shift.starts = LocalTime.of(8, 30, 0, 123_456_789);
        shift.length = Duration.ofHours(36).plusMinutes(15).plusNanos(1_999);
        shift.counter = BigInteger.TEN.pow(40).add(BigInteger.ONE);
        shift.rate = new BigDecimal("12.345");
        shift.plannedAt = LocalDateTime.of(2026, 3, 1, 9, 0, 0, 999_999_999);
        shift.recordedAt = Instant.parse("2026-03-01T09:00:00.000000500Z");
        return shift;
    }

    @Test
    void theCreatedSchemaValidatesAgainstTheMapping(SessionFactory factory) {
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void newTypesRoundTripAndTheFlushedObjectEqualsALaterRead(SessionFactory factory) {
        Shift written = Committed.rows(factory, List.of(shift("round-trip"), shift("second"))).get(0);

        Shift read = factory.withSession(session -> session.get(Shift.class, written.id)).block(TIMEOUT);

        assertThat(written.rate).isEqualTo(new BigDecimal("12.35"));
        assertThat(written.starts).isEqualTo(LocalTime.of(8, 30, 0, 123_456_000));
        assertThat(written.length).isEqualTo(Duration.ofHours(36).plusMinutes(15).plusNanos(1_000));
        for (Shift shift : List.of(written, read)) {
            assertThat(shift.starts).isEqualTo(read.starts);
            assertThat(shift.length).isEqualTo(read.length);
            assertThat(shift.counter).isEqualTo(BigInteger.TEN.pow(40).add(BigInteger.ONE));
            assertThat(shift.rate).isEqualTo(read.rate);
            assertThat(shift.plannedAt).isEqualTo(read.plannedAt);
            assertThat(shift.recordedAt).isEqualTo(read.recordedAt);
        }
    }

    @Test
    void durationsAndBigIntegersCompareInConditionsAndUpdate(SessionFactory factory) {
        Shift written = Committed.row(factory, shift("conditions"), s -> s);
        factory.inTransaction(session -> session.get(Shift.class, written.id).doOnNext(shift -> {
            shift.length = Duration.ofMinutes(90);
            shift.counter = BigInteger.valueOf(-7);
        })).block(TIMEOUT);

        List<String> found = factory.withSession(session -> session.scalars(Select.from(Shift.class)
                        .where(Condition.eq("length", Duration.ofMinutes(90)).and(Condition.eq("counter", BigInteger.valueOf(-7)))))
                .map(shift -> shift.name).collectList()).block(TIMEOUT);

        assertThat(found).containsExactly("conditions");
    }
}
