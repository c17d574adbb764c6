package io.valence.orm.internal.load;

import java.util.List;
import java.util.function.Function;

/**
 * Reads rows whose layout only the result knows (native SQL): the runner binds it to the column
 * labels of each result, through {@link #forLabels}, before the result's first row, and maps every row
 * of that result with what it returns. Unbound, it reads nothing.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface LabelledReader<T> extends Function<ResultRow, T> {

    /**
     * The reader for the rows of a result with these columns.
     *
     * @param labels the column labels, in order
     * @return the reader of one row
     * @throws IllegalArgumentException when the columns do not fit what the rows must become
     */
    Function<ResultRow, T> forLabels(List<String> labels);

    /** Refuses a row without labels: a runner that cannot give them cannot run a native query. */
    @Override
    default T apply(ResultRow row) {
        throw new IllegalStateException("this row reader needs the result's column labels; run it through a runner"
                + " that calls forLabels first");
    }
}
