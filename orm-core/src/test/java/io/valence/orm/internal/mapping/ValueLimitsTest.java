package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.DataException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which values PostgreSQL (through r2dbc-postgresql) cannot hold, and how their refusal reads. */
class ValueLimitsTest {
    @Entity
    static class Diary {
        @Id
        Long id;

        String text;
        LocalDate day;
        LocalDateTime local;
        OffsetDateTime offset;
        Instant instant;
        UUID uuid;
    }

    private static final EntityMapping DIARY = Metamodel.of(List.of(Diary.class)).entity(Diary.class);

    private static void check(String property, Object value) {
        ValueLimits.check(DIARY, DIARY.column(property), value);
    }

    private static DataException refused(String property, Object value) {
        try {
            check(property, value);
        } catch (DataException refused) {
            return refused;
        }
        throw new AssertionError(value + " for " + property + " was not refused");
    }

    @Test
    void textWithTheNulCharacterIsRefusedNamingEntityAndPropertyWithoutSqlState() {
        DataException refused = refused("text", "before\u0000after");

        assertThat(refused).hasMessage("Valence refused a String for Diary.text before sending any SQL: it contains"
                + " the NUL character (U+0000), which PostgreSQL does not allow in text. Nothing was sent and the"
                + " session is unchanged; remove the character (for example value.replace(\"\\u0000\", \"\")), or map"
                + " binary content as byte[]");
        assertThat(refused.entityName()).isEqualTo("Diary");
        assertThat(refused.property()).isEqualTo("text");
        assertThat(refused.sqlState()).isNull();
        assertThat(refused.sql()).isNull();
        assertThat(refused.getCause()).isNull();
    }

    @Test
    void aDateBeforeWhatTheDriverCarriesIsRefusedNamingTheRange() {
        DataException refused = refused("day", LocalDate.of(-5000, 1, 1));

        assertThat(refused).hasMessage("Valence refused a LocalDate for Diary.day before sending any SQL: it lies"
                + " outside the range of PostgreSQL's date (4713 BC to 5874897 AD), so the driver would store it as"
                + " -infinity or infinity, or the database reject it. Nothing was sent and the session is unchanged;"
                + " use a value within that range, or null");
        assertThat(refused.entityName()).isEqualTo("Diary");
        assertThat(refused.property()).isEqualTo("day");
        assertThat(refused.sqlState()).isNull();
    }

    @Test
    void datesAreHeldFrom4713BcToYear5874897() {
        assertThatCode(() -> check("day", LocalDate.of(-4712, 1, 1))).doesNotThrowAnyException();
        assertThatCode(() -> check("day", LocalDate.of(5_874_897, 12, 31))).doesNotThrowAnyException();
        assertThatCode(() -> check("day", LocalDate.of(2026, 2, 28))).doesNotThrowAnyException();

        refused("day", LocalDate.of(-4713, 12, 31));
        refused("day", LocalDate.of(5_874_898, 1, 1));
        refused("day", LocalDate.MIN);
        refused("day", LocalDate.MAX);
    }

    @Test
    void localDateTimesAreHeldFrom4713BcToTheLastMicrosecondOfYear294276() {
        assertThatCode(() -> check("local", LocalDateTime.of(-4712, 1, 1, 0, 0))).doesNotThrowAnyException();
        assertThatCode(() -> check("local", LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000)))
                .doesNotThrowAnyException();

        assertThat(refused("local", LocalDateTime.of(-4713, 12, 31, 23, 59, 59, 999_999_000)))
                .hasMessageContaining("a LocalDateTime for Diary.local")
                .hasMessageContaining("PostgreSQL's timestamp (4713 BC to 294276 AD)");
        refused("local", LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_001));
        refused("local", LocalDateTime.MAX);
    }

    @Test
    void offsetDateTimesAreComparedAsInstants() {
        assertThatCode(() -> check("offset", OffsetDateTime.of(-4713, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-1))))
                .as("4713-01-01T00:30Z BC").doesNotThrowAnyException();
        assertThatCode(() -> check("offset", OffsetDateTime.of(294_277, 1, 1, 0, 59, 0, 0, ZoneOffset.ofHours(1))))
                .as("294276-12-31T23:59Z").doesNotThrowAnyException();

        assertThat(refused("offset", OffsetDateTime.of(-4712, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1))))
                .hasMessageContaining("an OffsetDateTime for Diary.offset")
                .hasMessageContaining("PostgreSQL's timestamptz (4713 BC to 294276 AD, in UTC)");
        refused("offset", OffsetDateTime.of(294_277, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        refused("offset", OffsetDateTime.MIN);
        refused("offset", OffsetDateTime.MAX);
    }

    @Test
    void instantMaxAndMinAreRefusedInsteadOfFailingToConvert() {
        assertThat(refused("instant", Instant.MAX)).hasMessageContaining("an Instant for Diary.instant");
        refused("instant", Instant.MIN);
        refused("instant", Instant.parse("+294277-01-01T00:00:00Z"));

        assertThatCode(() -> check("instant", Instant.parse("+294276-12-31T23:59:59.999999Z"))).doesNotThrowAnyException();
        assertThatCode(() -> check("instant", Instant.parse("-4712-01-01T00:00:00Z"))).doesNotThrowAnyException();
        assertThatCode(() -> check("instant", Instant.EPOCH)).doesNotThrowAnyException();
    }

    @Test
    void ordinaryTextOtherTypesAndNullPass() {
        assertThatCode(() -> {
            check("text", "");
            check("text", "plain text, also non-Latin: \u00e9\u4e2d\ud83d\ude00");
            check("text", null);
            check("uuid", UUID.randomUUID());
            check("id", 1L);
        }).doesNotThrowAnyException();
    }

    @Test
    void onlyTextDateAndTimeColumnsNeedChecking() {
        assertThat(DIARY.columns()).filteredOn(ValueLimits::mayRefuse).extracting(ColumnMapping::property)
                .containsExactly("text", "day", "local", "offset", "instant");
    }
}
