package io.valence.orm.benchmarks.spring;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.benchmarks.Contender;
import io.valence.orm.benchmarks.GraphData;
import io.valence.orm.benchmarks.InsertedIds;
import io.valence.orm.benchmarks.LoadedGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC: {@link R2dbcEntityTemplate} for every statement, {@link TransactionalOperator}
 * for every unit of work. It has no batch insert or update and no relationship mapping, so W1
 * inserts row by row ({@code insert} returns each row with its generated id), W2 loads children with
 * a second query by parent ids, and W4 updates row by row, all sequentially on the transaction's
 * connection (a connection runs one statement at a time).
 */
public final class SpringDataContender implements Contender {

    private final ConnectionPool pool;
    private final R2dbcEntityTemplate template;
    private final TransactionalOperator transactional;

    /**
     * Works on {@code pool}, which it closes on {@link #close()}.
     *
     * @param pool an r2dbc-pool pool on the benchmark database
     */
    public SpringDataContender(ConnectionPool pool) {
        this.pool = pool;
        this.template = new R2dbcEntityTemplate(pool);
        this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    @Override
    public InsertedIds insertGraph(GraphData graph) {
        List<Parent> parents = Objects.requireNonNull(Flux.range(0, graph.parentCount())
                .concatMap(index -> template.insert(new Parent(graph.parentValues().get(index)))
                        .flatMap(parent -> Flux.fromIterable(graph.childValues().get(index))
                                .concatMap(value -> template.insert(new Child(parent.getId(), value)))
                                .collectList()
                                .map(children -> {
                                    parent.setChildren(children);
                                    return parent;
                                })))
                .collectList()
                .as(transactional::transactional)
                .block());
        return new InsertedIds(
                parents.stream().mapToLong(Parent::getId).toArray(),
                parents.stream().flatMap(parent -> parent.getChildren().stream()).mapToLong(Child::getId).toArray());
    }

    @Override
    public LoadedGraph loadGraph() {
        List<Parent> parents = Objects.requireNonNull(template.select(Parent.class)
                .all()
                .collectList()
                .flatMap(this::withChildren)
                .as(transactional::transactional)
                .block());
        return new LoadedGraph(parents.size(), parents.stream().mapToInt(parent -> parent.getChildren().size()).sum());
    }

    private Mono<List<Parent>> withChildren(List<Parent> parents) {
        Map<Long, Parent> byId = new HashMap<>(parents.size() * 2);
        parents.forEach(parent -> byId.put(parent.getId(), parent));
        return template.select(Child.class)
                .matching(query(where("parentId").in(new ArrayList<>(byId.keySet()))))
                .all()
                .doOnNext(child -> byId.get(child.getParentId()).getChildren().add(child))
                .then(Mono.just(parents));
    }

    @Override
    public int pointReads(long[] ids, int inFlight) {
        return Objects.requireNonNull(Flux.fromStream(LongStream.of(ids).boxed())
                        .flatMap(
                                id -> template.selectOne(query(where("id").is(id)), Parent.class)
                                        .as(transactional::transactional),
                                inFlight)
                        .count()
                        .block())
                .intValue();
    }

    @Override
    public int updateAll(String valuePrefix) {
        return Objects.requireNonNull(template.select(Parent.class)
                        .all()
                        .collectList()
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(parent -> {
                            parent.setValue(valuePrefix + parent.getId());
                            return template.update(parent);
                        })
                        .count()
                        .as(transactional::transactional)
                        .block())
                .intValue();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
