package io.valence.orm.internal.load;

/**
 * One row of a result as loading reads it: a value by column index, as a given Java type. The I/O
 * side hands the driver's row in through a method reference; tests hand in arrays.
 */
@FunctionalInterface
public interface ResultRow {
    /**
     * Reads one value.
     *
     * @param index the column's index, from 0
     * @param type the Java type to read it as
     * @param <T> that type
     * @return the value, or {@code null} for SQL NULL
     */
    <T> T get(int index, Class<T> type);
}
