package io.valence.examples.webflux;

import io.valence.examples.webflux.ShopViews.NewCustomer;
import io.valence.examples.webflux.ShopViews.NewOrder;
import io.valence.examples.webflux.model.Address;
import io.valence.examples.webflux.model.Customer;
import io.valence.examples.webflux.model.CustomerOrder;
import io.valence.examples.webflux.model.Money;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.spring.ValenceTransactions;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A small shop on the model of {@code BaseEntity}: customers with an embedded address, JSON
 * preferences and tags; orders with lines and {@code Money} totals. Every response is the entity
 * itself, written after the commit: what a create answers equals what a later read answers
 * (timestamps in microseconds, amounts with two decimals), and writing it runs no statement.
 */
@RestController
final class ShopController {
    private final ValenceTransactions transactions;

    ShopController(ValenceTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * {@code POST /customers}: one INSERT at the commit. The id (a version 7 UUID) and the
     * timestamps ({@code @PrePersist}) are set by {@code add()}.
     */
    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Customer> createCustomer(@RequestBody NewCustomer request) {
        return transactions.inTransaction(session -> {
            Customer customer = new Customer(request.name(), request.address(), request.preferences(), request.tags());
            session.add(customer);
            return Mono.just(customer);
        });
    }

    /** {@code GET /customers/{id}}: 404 when there is none. */
    @GetMapping("/customers/{id}")
    Mono<Customer> customer(@PathVariable UUID id) {
        return transactions.withSession(session -> session.get(Customer.class, id))
                .switchIfEmpty(notFound("customer", id));
    }

    /**
     * {@code PUT /customers/{id}/address}: replaces the address; the UPDATE sets only the columns
     * whose values changed, plus {@code updated_at} ({@code @PreUpdate}) and the version.
     */
    @PutMapping("/customers/{id}/address")
    Mono<Customer> moveCustomer(@PathVariable UUID id, @RequestBody Address address) {
        return transactions.inTransaction(session -> session.get(Customer.class, id)
                .switchIfEmpty(notFound("customer", id))
                .doOnNext(customer -> customer.address = address));
    }

    /**
     * {@code POST /customers/{id}/orders}: the order and its lines, added with one {@code add()}
     * (the lines by cascade), take one INSERT per table at the commit.
     */
    @PostMapping("/customers/{id}/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CustomerOrder> placeOrder(@PathVariable UUID id, @RequestBody NewOrder request) {
        return transactions.inTransaction(session -> session.get(Customer.class, id)
                .switchIfEmpty(notFound("customer", id))
                .map(customer -> {
                    CustomerOrder order = new CustomerOrder(customer);
                    request.lines().forEach(line -> order.add(line.sku(), line.quantity(), new Money(line.unitPrice())));
                    session.add(order);
                    return order;
                }));
    }

    /**
     * {@code GET /orders/{id}}: the order with its customer (joined) and its lines (select-in), two
     * statements.
     */
    @GetMapping("/orders/{id}")
    Mono<CustomerOrder> order(@PathVariable UUID id) {
        return transactions.withSession(session -> session.oneOrNone(Select.from(CustomerOrder.class)
                        .where(Condition.eq("id", id))
                        .options(Load.joined("customer"), Load.selectIn("lines"))))
                .switchIfEmpty(notFound("order", id));
    }

    private static <T> Mono<T> notFound(String what, UUID id) {
        return Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no " + what + " " + id + "."));
    }
}
