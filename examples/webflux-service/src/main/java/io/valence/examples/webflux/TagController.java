package io.valence.examples.webflux;

import io.valence.examples.webflux.model.Tag;
import io.valence.orm.spring.ValenceTransactions;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Idempotent creation: {@code PUT /tags/{name}} as many times as you like, one row. */
@RestController
final class TagController {
    private final ValenceTransactions transactions;
    private final TaggingService tagging;

    TagController(ValenceTransactions transactions, TaggingService tagging) {
        this.transactions = transactions;
        this.tagging = tagging;
    }

    /**
     * The body of {@code PUT /tags/{name}}.
     *
     * @param id the tag's id
     * @param name its name
     * @param created whether this request created it
     */
    record TagView(long id, String name, boolean created) {}

    /**
     * {@code PUT /tags/{name}}: 201 when this request created the tag, 200 when it existed.
     * {@code getOrCreate} is race-safe: of concurrent requests for a new name exactly one creates it.
     */
    @PutMapping("/tags/{name}")
    Mono<ResponseEntity<TagView>> put(@PathVariable String name) {
        if (name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("a tag name must be 1 to 50 characters, was \"" + name + "\"");
        }
        return transactions
                .inTransaction(session -> session.getOrCreate(Tag.class, Map.of("name", name), Map.of()))
                .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new TagView(result.entity().id, result.entity().name, result.created())));
    }

    /**
     * {@code POST /tags/{name}/audited}: the tag through Valence and an audit line through SQL, in
     * one {@code @Transactional} method ({@link TaggingService}); {@code ?failAfterwards=true} fails
     * after both writes, and neither is kept.
     */
    @PostMapping("/tags/{name}/audited")
    Mono<ResponseEntity<TaggingService.Tagged>> audited(
            @PathVariable String name, @RequestParam(defaultValue = "false") boolean failAfterwards) {
        return tagging.tag(name, failAfterwards).map(tagged -> ResponseEntity.status(HttpStatus.CREATED).body(tagged));
    }
}
