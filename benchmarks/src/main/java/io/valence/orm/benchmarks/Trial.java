package io.valence.orm.benchmarks;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What one JMH trial of W1–W4 and W6–W9 works on: a fresh database (seeded or empty) and one contender on it.
 * Closing it closes the contender and drops the database.
 */
public final class Trial implements AutoCloseable {

    private final BenchmarkDatabase database;
    private final Contender contender;
    private final Sizes sizes;

    private Trial(BenchmarkDatabase database, Contender contender, Sizes sizes) {
        this.database = database;
        this.contender = contender;
        this.sizes = sizes;
    }

    /**
     * Creates the database, seeds it with the graph of {@code sizes} when asked, and opens the contender.
     *
     * @param workload names the database, e.g. {@code w2}
     * @param kind the contender
     * @param sizes the workload's sizes
     * @param seeded whether to insert the graph of {@code sizes} first
     * @return the trial; the caller closes it
     */
    public static Trial open(String workload, ContenderKind kind, Sizes sizes, boolean seeded) {
        return open(workload, kind, sizes, database -> {
            if (seeded) {
                database.seedGraph(sizes);
            }
        });
    }

    /**
     * Creates the database, seeds it with {@code seed}, and opens the contender.
     *
     * @param workload names the database, e.g. {@code w9}
     * @param kind the contender
     * @param sizes the workload's sizes
     * @param seed inserts the rows the workload starts from
     * @return the trial; the caller closes it
     */
    public static Trial open(String workload, ContenderKind kind, Sizes sizes, Consumer<BenchmarkDatabase> seed) {
        BenchmarkDatabase database = BenchmarkDatabase.create(workload + "_" + kind.id());
        try {
            seed.accept(database);
            return new Trial(database, Contenders.open(kind, database, sizes, UnaryOperator.identity()), sizes);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The database.
     *
     * @return the database
     */
    public BenchmarkDatabase database() {
        return database;
    }

    /**
     * The contender.
     *
     * @return the contender
     */
    public Contender contender() {
        return contender;
    }

    /**
     * The contender as W6 and W7 use it: raw R2DBC and Valence run those queries.
     *
     * @return the contender
     * @throws IllegalStateException for another library
     */
    public ReportingContender reporting() {
        if (contender instanceof ReportingContender reporting) {
            return reporting;
        }
        throw new IllegalStateException("W6 and W7 measure raw R2DBC and Valence only");
    }

    /**
     * The contender as W8 and W9 use it: raw R2DBC and Valence run the rich model.
     *
     * @return the contender
     * @throws IllegalStateException for another library
     */
    public RichContender rich() {
        if (contender instanceof RichContender rich) {
            return rich;
        }
        throw new IllegalStateException("W8 and W9 measure raw R2DBC and Valence only");
    }

    /**
     * The sizes.
     *
     * @return the sizes
     */
    public Sizes sizes() {
        return sizes;
    }

    @Override
    public void close() {
        try {
            contender.close();
        } finally {
            database.close();
        }
    }
}
