package io.valence.orm.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.session.model.Colour;
import io.valence.orm.it.session.model.Keyed;
import io.valence.orm.it.session.model.Sample;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every supported Java type goes through a batched flush (one array parameter per column, so the
 * driver must bind an array of each type) and comes back through a load unchanged, nulls included.
 */
@ValenceTest(entities = {Sample.class, Keyed.class})
class TypeRoundTripIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A row with a value in every column, edge values where a type has them. */
    private static Sample full(String label) {
        Sample sample = new Sample(label);
        sample.primitiveLong = Long.MAX_VALUE;
        sample.boxedLong = Long.MIN_VALUE;
        sample.primitiveInt = Integer.MIN_VALUE;
        sample.boxedInt = 42;
        sample.primitiveShort = Short.MAX_VALUE;
        sample.boxedShort = (short) -7;
        sample.primitiveBoolean = true;
        sample.boxedBoolean = false;
        sample.primitiveDouble = 3.141592653589793;
        sample.boxedDouble = -0.5e-300;
        sample.primitiveFloat = 1.5f;
        sample.boxedFloat = -2.25e10f;
        sample.plainDecimal = new BigDecimal("12345678901234567890.123456789");
        sample.money = new BigDecimal("1234.50");
        sample.shortText = "a\\b 'q' \"x\"";
        sample.longText = "long text with unicode: żółć €, a {brace}, a comma, and a\nnewline " + "x".repeat(500);
        sample.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        sample.date = LocalDate.of(2024, 2, 29);
        sample.dateTime = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        sample.offsetDateTime = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 6_000, ZoneOffset.ofHours(5));
        sample.instant = Instant.parse("2001-09-09T01:46:40.000001Z");
        sample.bytes = new byte[] {0, 1, -1, 127, -128, 92, 39, 34};
        sample.colourName = Colour.BLUE;
        sample.colourOrdinal = Colour.GREEN;
        return sample;
    }

    /** Other values for every column, empty ones where a type has them. */
    private static Sample other(String label) {
        Sample sample = new Sample(label);
        sample.primitiveLong = -1;
        sample.boxedLong = 0L;
        sample.primitiveInt = 1;
        sample.boxedInt = Integer.MAX_VALUE;
        sample.primitiveShort = Short.MIN_VALUE;
        sample.boxedShort = (short) 0;
        sample.primitiveBoolean = false;
        sample.boxedBoolean = true;
        sample.primitiveDouble = -1e300;
        sample.boxedDouble = 0.0;
        sample.primitiveFloat = 0.1f;
        sample.boxedFloat = 3.0f;
        sample.plainDecimal = new BigDecimal("-0.000001");
        sample.money = new BigDecimal("0.01");
        sample.longText = "NULL";
        sample.shortText = "\\x00\\";
        sample.uuid = new UUID(0, 0);
        sample.date = LocalDate.of(1, 1, 1);
        sample.dateTime = LocalDateTime.of(1970, 1, 1, 0, 0);
        sample.offsetDateTime = OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
        sample.instant = Instant.EPOCH;
        sample.bytes = new byte[0];
        sample.colourName = Colour.RED;
        sample.colourOrdinal = Colour.BLUE;
        return sample;
    }

    private static void assertSameValues(List<Sample> actual, List<Sample> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i))
                    .as("row %d (%s)", i, expected.get(i).label)
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                    .isEqualTo(expected.get(i));
        }
    }

    private List<Sample> load(SessionFactory factory, String labelPrefix) {
        return factory.withSession(session -> session.scalars(Select.from(Sample.class)
                        .where(Condition.like("label", labelPrefix + "%"))
                        .orderBy("id"))
                .collectList()).block(TIMEOUT);
    }

    @Test
    void everyTypeSurvivesABatchedInsertAndALoadWithNullsInEveryNullableColumn(
            SessionFactory factory, StatementRecorder recorder) {
        List<Sample> written = List.of(full("insert-full"), new Sample("insert-nulls"), other("insert-other"));
        recorder.reset();
        StepVerifier.create(factory.inTransaction(session -> {
                    session.addAll(written);
                    return Mono.empty();
                }))
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).inserts().singleElement().succeeded();

        assertSameValues(load(factory, "insert-"), written);
    }

    @Test
    void everyTypeSurvivesABatchedUpdateToValuesAndToNull(SessionFactory factory, StatementRecorder recorder) {
        factory.inTransaction(session -> {
            session.addAll(List.of(new Sample("update-a"), full("update-b"), other("update-c")));
            return Mono.empty();
        }).block(TIMEOUT);
        List<Sample> expected = List.of(full("update-a"), other("update-b"), new Sample("update-c"));

        recorder.reset();
        StepVerifier.create(factory.inTransaction(session -> session.scalars(Select.from(Sample.class)
                                .where(Condition.like("label", "update-%"))
                                .orderBy("id"))
                        .collectList()
                        .doOnNext(loaded -> {
                            for (int i = 0; i < loaded.size(); i++) {
                                copyValues(expected.get(i), loaded.get(i));
                            }
                        })))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        // a boolean has two values, so one of three rows keeps primitiveBoolean: two groups of changed columns
        recorder.assertThat().updates().hasStatementCount(2).allSucceeded();
        List<Sample> reloaded = load(factory, "update-");
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).id = reloaded.get(i).id;
        }
        assertSameValues(reloaded, expected);
    }

    /** Copies every column but id and label, so three rows change the same set of columns. */
    private static void copyValues(Sample from, Sample to) {
        for (java.lang.reflect.Field field : Sample.class.getFields()) {
            if (!field.getName().equals("id") && !field.getName().equals("label")) {
                try {
                    field.set(to, field.get(from));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void assignedUuidIdsAreInsertedUpdatedAndDeletedInOneStatementEach(SessionFactory factory, StatementRecorder recorder) {
        List<Keyed> written = List.of(
                new Keyed(UUID.randomUUID(), "k1"), new Keyed(UUID.randomUUID(), "k2"), new Keyed(UUID.randomUUID(), null));
        written.get(0).payload = new byte[] {1, 2, 3};
        written.get(0).at = Instant.parse("2030-01-01T00:00:00.5Z");
        written.get(1).at = Instant.parse("1930-01-01T00:00:00Z");
        written.get(2).payload = new byte[] {(byte) 0xff};
        written.get(2).at = Instant.parse("2000-01-01T00:00:00.123456Z");
        recorder.reset();
        factory.inTransaction(session -> {
            session.addAll(written);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);

        Mono<List<Keyed>> loaded = factory.withSession(session -> reactor.core.publisher.Flux.fromIterable(written)
                .concatMap(keyed -> session.get(Keyed.class, keyed.id))
                .collectList());
        StepVerifier.create(loaded)
                .assertNext(rows -> assertThat(rows).usingRecursiveFieldByFieldElementComparator().isEqualTo(written))
                .expectComplete()
                .verify(TIMEOUT);

        recorder.reset();
        factory.inTransaction(session -> session.scalars(Select.from(Keyed.class)
                        .where(Condition.in("id", written.stream().map(k -> k.id).toList())))
                .doOnNext(keyed -> {
                    keyed.payload = new byte[] {9};
                    keyed.at = null;
                })
                .then()).block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("payload", "at");

        recorder.reset();
        factory.inTransaction(session -> session.scalars(Select.from(Keyed.class)
                        .where(Condition.in("id", written.stream().map(k -> k.id).toList())))
                .collectList()
                .doOnNext(rows -> rows.forEach(session::delete))
                .then()).block(TIMEOUT);
        recorder.assertThat().deletes().singleElement().sqlContains("= ANY(");
        StepVerifier.create(factory.withSession(session -> session.get(Keyed.class, written.get(0).id)))
                .expectComplete()
                .verify(TIMEOUT);
    }
}
