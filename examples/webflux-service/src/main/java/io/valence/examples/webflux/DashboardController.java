package io.valence.examples.webflux;

import io.valence.examples.webflux.model.Child;
import io.valence.examples.webflux.model.Parent;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.spring.ValenceTransactions;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Three independent reads at once, each in its own session, through {@code fanOut}. */
@RestController
final class DashboardController {
    private final ValenceTransactions transactions;

    DashboardController(ValenceTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The body of {@code GET /dashboard}.
     *
     * @param parents how many parents there are
     * @param children how many children there are
     * @param latestParents the five newest parents, newest first
     */
    record Dashboard(long parents, long children, List<ParentSummary> latestParents) {}

    /**
     * A parent without its children.
     *
     * @param id its id
     * @param value its value
     */
    record ParentSummary(long id, String value) {}

    /**
     * {@code GET /dashboard}: zipping three queries of one session would fail with
     * {@code ConcurrentSessionUseException}; {@code fanOut} gives each its own session and runs
     * them concurrently, cancelling the others if one fails.
     */
    @GetMapping("/dashboard")
    Mono<Dashboard> dashboard() {
        return transactions
                .fanOut(
                        session -> session.count(Select.from(Parent.class)),
                        session -> session.count(Select.from(Child.class)),
                        session -> session.scalars(Select.from(Parent.class).orderBy(Order.desc("id")).limit(5))
                                .map(parent -> new ParentSummary(parent.id, parent.value))
                                .collectList())
                .map(results -> new Dashboard(results.getT1(), results.getT2(), results.getT3()));
    }
}
