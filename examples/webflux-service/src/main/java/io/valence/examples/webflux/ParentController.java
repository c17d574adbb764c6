package io.valence.examples.webflux;

import io.valence.examples.webflux.ParentViews.ChildView;
import io.valence.examples.webflux.ParentViews.NewParent;
import io.valence.examples.webflux.ParentViews.ParentView;
import io.valence.examples.webflux.model.Child;
import io.valence.examples.webflux.model.Child_;
import io.valence.examples.webflux.model.Parent;
import io.valence.examples.webflux.model.Parent_;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Path;
import io.valence.orm.query.Select;
import io.valence.orm.spring.ValenceTransactions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Creates parents with their children in one transaction, and lists them with their children. */
@RestController
final class ParentController {
    private static final int MAX_LIMIT = 500;

    private final ValenceTransactions transactions;

    ParentController(ValenceTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * {@code POST /parents}: the parent and its children are inserted by one flush (parents first,
     * each table's rows in one statement), the children are read back in the same session, and all
     * of it commits together (or nothing does).
     */
    @PostMapping("/parents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ParentView> create(@RequestBody NewParent request) {
        return transactions.inTransaction(session -> {
            Parent parent = new Parent(request.value());
            session.add(parent);
            request.children().forEach(value -> session.add(new Child(value, parent)));
            // Deferred: the query is built once the flush has given the parent its id.
            return session.flush()
                    .then(Mono.defer(() -> session.scalars(Select.from(Child.class)
                                    .filterBy(Child_.parent, parent)          // typed: Child_ is generated
                                    .orderBy(Path.of(Child_.id).asc()))
                            .map(ChildView::of)
                            .collectList()))
                    .map(children -> new ParentView(parent.id, parent.value, children));
        });
    }

    /**
     * {@code GET /parents?prefix=&limit=}: the newest parents first, each with its children, in two
     * statements whatever the number of rows ({@code Load.selectIn}). The entities themselves are
     * the response: orm-spring's Jackson module writes them after the session closed, without
     * touching anything that was not loaded, each child's {@code parent} as {@code {"id": …}}.
     */
    @GetMapping("/parents")
    Mono<List<Parent>> list(
            @RequestParam(defaultValue = "") String prefix, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        Select<Parent> query = Select.from(Parent.class)
                .options(Load.selectIn("children"))
                .orderBy(Order.desc("id"))
                .limit(limit);
        Select<Parent> filtered = prefix.isEmpty() ? query : query.where(Path.of(Parent_.value).startsWith(prefix));
        return transactions.withSession(
                session -> session.scalars(filtered).collectList());
    }
}
