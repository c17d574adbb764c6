package io.valence.orm.reactive.internal.execution;

import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.valence.orm.DataException;
import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.internal.mapping.JsonText;
import java.time.Duration;
import java.time.Period;

/**
 * The one place where a value orm-core hands over is not one r2dbc-postgresql binds or reads by
 * itself: {@code Duration}, which the driver knows only as its own {@link Interval}, and JSON text,
 * which it binds as its {@link Json} (a String would go out as varchar, which PostgreSQL does not
 * assign to a json column). Every other value passes through untouched.
 */
public final class DriverValues {
    private DriverValues() {}

    /**
     * The value to bind for a value of orm-core.
     *
     * @param value a non-null value
     * @return the value itself, or the driver's form of it
     */
    static Object bindable(Object value) {
        if (value instanceof Duration duration) {
            return Interval.of(duration);
        }
        if (value instanceof JsonText json) {
            return Json.of(json.text());
        }
        if (value instanceof Duration[] durations) {
            Interval[] intervals = new Interval[durations.length];
            for (int i = 0; i < durations.length; i++) {
                intervals[i] = durations[i] == null ? null : Interval.of(durations[i]);
            }
            return intervals;
        }
        return value;
    }

    /**
     * The type to bind a NULL of orm-core's type as.
     *
     * @param type the type orm-core names
     * @return the type itself, or the driver's
     */
    static Class<?> bindableType(Class<?> type) {
        return type == Duration.class ? Interval.class : type == Duration[].class ? Interval[].class
                : type == JsonText.class ? Json.class : type;
    }

    /**
     * A driver row as orm-core reads it.
     *
     * @param row the driver's row
     * @return a reader that reads {@code Duration} through {@link Interval}
     */
    public static ResultRow reader(Readable row) {
        return new ResultRow() {
            @Override
            public <T> T get(int index, Class<T> type) {
                if (type == Duration.class) {
                    Interval interval = row.get(index, Interval.class);
                    return interval == null ? null : type.cast(duration(interval));
                }
                if (type == JsonText.class) {
                    Json json = row.get(index, Json.class);
                    return json == null ? null : type.cast(new JsonText(json.asString()));
                }
                return row.get(index, type);
            }
        };
    }

    /** An interval with months or years has no fixed length, so it has no Duration. */
    private static Duration duration(Interval interval) {
        Period period = interval.getPeriod();
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new DataException("The database holds the interval '" + interval.getValue() + "', whose months or"
                    + " years have no fixed length, in a column mapped to Duration; store lengths in days and smaller"
                    + " units, or map the column to a String", null, null, null, null, null);
        }
        return Duration.ofDays(period.getDays()).plus(interval.getDuration());
    }
}
