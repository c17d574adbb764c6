package io.valence.orm.internal.mapping;

import io.valence.orm.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Refuses, before any SQL, the values PostgreSQL cannot hold or that r2dbc-postgresql (1.1.1) would
 * silently change: text holding the NUL character, which PostgreSQL rejects, and dates and times
 * outside the range both can carry. The driver sends a date or timestamp before 4713-01-01 BC as
 * {@code -infinity} and a date after 5874897 AD as {@code infinity}; PostgreSQL rejects a timestamp
 * after 294276 AD; {@code Instant.MAX} cannot even be converted for binding. The ranges were measured
 * against the driver and PostgreSQL 18 ({@code TypedErrorsIT}).
 *
 * <p>Every value a flush writes ({@code FlushPlanner}, before it takes a connection) and every value
 * a query or DML statement binds ({@code BindValues}, at the call) passes through {@link #check}
 * once: a type test and a compare, without allocation. The flush reads only the columns for which
 * {@link #mayRefuse} holds. Foreign key values are the ids of other rows, checked when those rows
 * were written.
 */
public final class ValueLimits {
    /** 4713-01-01 BC: the driver turns anything earlier into -infinity (PostgreSQL itself goes back to 4714-11-24 BC). */
    static final LocalDate MIN_DATE = LocalDate.of(-4712, 1, 1);

    static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
    static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
    /** The last microsecond PostgreSQL's timestamp holds; anything later it rejects (or rounds into 294277 and rejects). */
    static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000);

    private static final long MIN_EPOCH_SECOND = MIN_TIMESTAMP.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_EPOCH_SECOND = MAX_TIMESTAMP.toEpochSecond(ZoneOffset.UTC);
    private static final int MAX_NANO = MAX_TIMESTAMP.getNano();
    private static final String DATE_RANGE = "4713 BC to 5874897 AD";
    private static final String TIMESTAMP_RANGE = "4713 BC to 294276 AD";

    private ValueLimits() {}

    /**
     * Whether {@link #check} can refuse a value of this column: only text, date and time columns
     * hold such values, so a flush reads no other column twice.
     *
     * @param column a column
     * @return whether its values need checking
     */
    public static boolean mayRefuse(ColumnMapping column) {
        Class<?> type = column.type().javaType();
        return type == String.class || type == LocalDate.class || type == LocalDateTime.class
                || type == OffsetDateTime.class || type == Instant.class;
    }

    /**
     * Throws when PostgreSQL cannot hold {@code value} as the column's value; other values, and
     * {@code null}, pass.
     *
     * @param owner the entity whose column the value is for (written, compared or assigned)
     * @param column the column
     * @param value the value as the entity holds it, before conversion for the driver
     * @throws DataException naming the entity and the property, with no SQLSTATE (no SQL was sent)
     */
    public static void check(EntityMapping owner, ColumnMapping column, Object value) {
        if (value instanceof String text) {
            if (text.indexOf(0) >= 0) {
                throw nulInText(owner, column);
            }
        } else if (value instanceof LocalDate date) {
            if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
                throw outOfRange(owner, column, "a LocalDate", "date", DATE_RANGE);
            }
        } else if (value instanceof LocalDateTime dateTime) {
            if (dateTime.isBefore(MIN_TIMESTAMP) || dateTime.isAfter(MAX_TIMESTAMP)) {
                throw outOfRange(owner, column, "a LocalDateTime", "timestamp", TIMESTAMP_RANGE);
            }
        } else if (value instanceof OffsetDateTime dateTime) {
            if (outsideTimestamps(dateTime.toEpochSecond(), dateTime.getNano())) {
                throw outOfRange(owner, column, "an OffsetDateTime", "timestamptz", TIMESTAMP_RANGE + ", in UTC");
            }
        } else if (value instanceof Instant instant) {
            if (outsideTimestamps(instant.getEpochSecond(), instant.getNano())) {
                throw outOfRange(owner, column, "an Instant", "timestamptz", TIMESTAMP_RANGE + ", in UTC");
            }
        }
    }

    /** Whether an instant lies outside the timestamps PostgreSQL holds; compared without allocating. */
    private static boolean outsideTimestamps(long epochSecond, int nano) {
        return epochSecond < MIN_EPOCH_SECOND || epochSecond > MAX_EPOCH_SECOND
                || (epochSecond == MAX_EPOCH_SECOND && nano > MAX_NANO);
    }

    private static DataException nulInText(EntityMapping owner, ColumnMapping column) {
        String property = owner.name() + "." + column.property();
        return new DataException("Valence refused a String for " + property + " before sending any SQL: it contains the"
                + " NUL character (U+0000), which PostgreSQL does not allow in text. Nothing was sent and the session is"
                + " unchanged; remove the character (for example value.replace(\"\\u0000\", \"\")), or map binary"
                + " content as byte[]", null, null, owner.name(), column.property(), null);
    }

    private static DataException outOfRange(
            EntityMapping owner, ColumnMapping column, String javaValue, String sqlType, String range) {
        String property = owner.name() + "." + column.property();
        return new DataException("Valence refused " + javaValue + " for " + property + " before sending any SQL: it"
                + " lies outside the range of PostgreSQL's " + sqlType + " (" + range + "), so the driver would store it"
                + " as -infinity or infinity, or the database reject it. Nothing was sent and the session is unchanged;"
                + " use a value within that range, or null", null, null, owner.name(), column.property(), null);
    }
}
