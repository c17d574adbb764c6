package io.valence.orm.benchmarks.hibernate;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.smallrye.mutiny.Multi;
import io.valence.orm.benchmarks.BenchmarkDatabase;
import io.valence.orm.benchmarks.Contender;
import io.valence.orm.benchmarks.GraphData;
import io.valence.orm.benchmarks.InsertedIds;
import io.valence.orm.benchmarks.LoadedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;

/**
 * Hibernate Reactive through {@link Mutiny.SessionFactory}: {@code withTransaction} per unit of
 * work, {@code persistAll} with cascade, a {@code left join fetch} for the graph, {@code find} for
 * point reads and dirty checking for updates. Connects with its own Vert.x pool, of the same size
 * as the others' r2dbc pools, to the same database.
 */
public final class HibernateReactiveContender implements Contender {

    /** Statements per JDBC-style batch, large enough that a 2,000-row flush is a handful of batches. */
    public static final int BATCH_SIZE = 1000;

    private final Mutiny.SessionFactory sessionFactory;

    /**
     * Builds a session factory on {@code database}.
     *
     * @param database the benchmark database
     * @param poolSize connections in Hibernate's Vert.x pool
     */
    public HibernateReactiveContender(BenchmarkDatabase database, int poolSize) {
        ConnectionFactoryOptions options = database.isolated().options();
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Parent.class)
                .addAnnotatedClass(Child.class)
                .setProperty(Settings.JAKARTA_JDBC_URL, "postgresql://"
                        + options.getRequiredValue(ConnectionFactoryOptions.HOST) + ":"
                        + options.getRequiredValue(ConnectionFactoryOptions.PORT) + "/"
                        + options.getRequiredValue(ConnectionFactoryOptions.DATABASE))
                .setProperty(Settings.POOL_SIZE, String.valueOf(poolSize))
                .setProperty(Settings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE))
                .setProperty(Settings.ORDER_INSERTS, "true")
                .setProperty(Settings.ORDER_UPDATES, "true")
                .setProperty(Settings.SHOW_SQL, "false");
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        if (user != null) {
            configuration.setProperty(Settings.JAKARTA_JDBC_USER, user.toString());
        }
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            configuration.setProperty(Settings.JAKARTA_JDBC_PASSWORD, password.toString());
        }
        this.sessionFactory = configuration
                .buildSessionFactory(new ReactiveServiceRegistryBuilder()
                        .applySettings(configuration.getProperties())
                        .build())
                .unwrap(Mutiny.SessionFactory.class);
    }

    @Override
    public InsertedIds insertGraph(GraphData graph) {
        List<Parent> parents = new ArrayList<>(graph.parentCount());
        for (int i = 0; i < graph.parentCount(); i++) {
            Parent parent = new Parent(graph.parentValues().get(i));
            graph.childValues().get(i).forEach(value -> parent.addChild(new Child(value)));
            parents.add(parent);
        }
        sessionFactory.withTransaction(session -> session.persistAll(parents.toArray()))
                .await()
                .indefinitely();
        return new InsertedIds(
                parents.stream().mapToLong(parent -> parent.id).toArray(),
                parents.stream().flatMap(parent -> parent.children.stream()).mapToLong(child -> child.id).toArray());
    }

    @Override
    public LoadedGraph loadGraph() {
        List<Parent> parents = sessionFactory.withTransaction(session -> session
                        .createSelectionQuery("from Parent p left join fetch p.children", Parent.class)
                        .getResultList())
                .await()
                .indefinitely();
        return new LoadedGraph(parents.size(), parents.stream().mapToInt(parent -> parent.children.size()).sum());
    }

    @Override
    public int pointReads(long[] ids, int inFlight) {
        List<Parent> found = Multi.createFrom()
                .items(LongStream.of(ids).boxed())
                .onItem()
                .transformToUni(id -> sessionFactory.withTransaction(session -> session.find(Parent.class, id)))
                .merge(inFlight)
                .collect()
                .asList()
                .await()
                .indefinitely();
        return (int) found.stream().filter(Objects::nonNull).count();
    }

    @Override
    public int updateAll(String valuePrefix) {
        return sessionFactory.withTransaction(session -> session
                        .createSelectionQuery("from Parent", Parent.class)
                        .getResultList()
                        .map(parents -> {
                            parents.forEach(parent -> parent.value = valuePrefix + parent.id);
                            return parents.size();
                        }))
                .await()
                .indefinitely();
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
