package io.valence.examples.webflux;

import io.valence.examples.webflux.model.Tag;
import io.valence.orm.spring.ValenceTransactions;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Valence and plain SQL in one Spring transaction: inside a {@code @Transactional} method,
 * {@link ValenceTransactions#inTransaction} joins the transaction Spring opened, on the connection
 * that {@link DatabaseClient} uses too, so both writes commit or roll back together.
 */
@Service
class TaggingService {
    private final ValenceTransactions transactions;
    private final DatabaseClient database;

    TaggingService(ValenceTransactions transactions, ConnectionFactory connectionFactory) {
        this.transactions = transactions;
        this.database = DatabaseClient.create(connectionFactory);
    }

    /**
     * What {@link #tag} answers.
     *
     * @param id the new tag's id
     * @param name its name
     * @param seenBySql how many tags of that name the SQL read saw inside the transaction
     */
    record Tagged(long id, String name, long seenBySql) {}

    /**
     * Creates a tag through Valence and writes its audit line through SQL, in one transaction.
     *
     * @param name the tag's name
     * @param failAfterwards fail once both writes are done, so that Spring rolls both back
     * @return a Mono of what was written
     */
    @Transactional
    public Mono<Tagged> tag(String name, boolean failAfterwards) {
        return transactions.inTransaction(session -> {
                    Tag tag = new Tag(name);
                    session.add(tag);
                    return session.flush().thenReturn(tag); // flushed, not committed: Spring commits
                })
                .flatMap(tag -> database.sql("INSERT INTO tag_audit (tag_name, action) VALUES (:name, 'created')")
                        .bind("name", name)
                        .then()
                        .then(database.sql("SELECT count(*) AS seen FROM tag WHERE name = :name")
                                .bind("name", name)
                                .map(row -> row.get("seen", Long.class))
                                .one())
                        .map(seen -> new Tagged(tag.id, name, seen)))
                .flatMap(tagged -> failAfterwards
                        ? Mono.error(new IllegalArgumentException("failAfterwards=true: the tag \"" + name
                                + "\" and its audit line were written, and are rolled back together"))
                        : Mono.just(tagged));
    }
}
