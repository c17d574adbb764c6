package io.valence.orm.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.benchmarks.hibernate.HibernateReactiveContender;
import io.valence.orm.benchmarks.raw.RawR2dbcContender;
import io.valence.orm.benchmarks.spring.SpringDataContender;
import io.valence.orm.benchmarks.valence.ValenceContender;
import java.util.function.UnaryOperator;

/**
 * Opens a contender on a benchmark database, each R2DBC one on its own pool of the same size, with
 * r2dbc-pool's defaults otherwise: no acquire timeout of the pool's own, as Hibernate Reactive's
 * Vert.x pool runs on its defaults (docs/benchmarks.md, "Fairness").
 */
public final class Contenders {

    private Contenders() {}

    /**
     * Opens {@code kind} for workloads W1–W4.
     *
     * @param kind the library
     * @param database where it works
     * @param sizes the pool size among others
     * @param decorator wraps the driver's connection factory under the pool (a statement recorder,
     *     or {@link UnaryOperator#identity()}); Hibernate Reactive, on Vert.x, is not wrapped
     * @return the contender; the caller closes it
     */
    public static Contender open(
            ContenderKind kind, BenchmarkDatabase database, Sizes sizes, UnaryOperator<ConnectionFactory> decorator) {
        return switch (kind) {
            case RAW -> new RawR2dbcContender(pool(database, sizes, decorator));
            case VALENCE -> new ValenceContender(pool(database, sizes, decorator));
            case HIBERNATE -> new HibernateReactiveContender(database, sizes.poolSize());
            case SPRING -> new SpringDataContender(pool(database, sizes, decorator));
        };
    }

    /**
     * Opens {@code kind} for W5.
     *
     * @param kind raw R2DBC or Valence
     * @param database where it works
     * @param decorator wraps the driver's connection factory under the pool
     * @return the contender; the caller closes it
     * @throws IllegalArgumentException for the other contenders, which W5 does not measure
     */
    public static StreamingContender openStreaming(
            ContenderKind kind, BenchmarkDatabase database, UnaryOperator<ConnectionFactory> decorator) {
        Sizes sizes = Sizes.STANDARD;
        return switch (kind) {
            case RAW -> new RawR2dbcContender(pool(database, sizes, decorator));
            case VALENCE -> new ValenceContender(pool(database, sizes, decorator));
            case HIBERNATE, SPRING -> throw new IllegalArgumentException(
                    "W5 measures raw R2DBC and Valence only, not " + kind.displayName());
        };
    }

    private static ConnectionPool pool(
            BenchmarkDatabase database, Sizes sizes, UnaryOperator<ConnectionFactory> decorator) {
        return database.isolated().openPoolWithoutTimeouts(sizes.poolSize(), decorator);
    }
}
