package io.valence.orm.it.uuid;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Insert;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** GenerationType.UUID: a time-ordered UUID v7 at add(), and for rows that DML and get-or-create insert. */
@ValenceTest(entities = Token.class)
class UuidIdIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void idsAreAssignedAtAddInOrderAndInsertedInOneStatement(SessionFactory factory, StatementRecorder recorder) {
        List<Token> tokens = new ArrayList<>();
        recorder.reset();
        factory.inTransaction(session -> {
            for (int i = 0; i < 50; i++) {
                Token token = new Token("add-" + i);
                session.add(token);
                tokens.add(token);
            }
            return Mono.empty();
        }).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(1);
        List<UUID> ids = tokens.stream().map(token -> token.id).toList();
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7)).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(UUID::compareTo);
    }

    @Test
    void insertedRowsAndGetOrCreateWithoutAnIdGetOne(SessionFactory factory) {
        List<Token> inserted = factory.inTransaction(session -> session
                .execute(Insert.into(Token.class).values(Map.of("code", "dml-a")).values(Map.of("code", "dml-b")).returning())
                .collectList()).block(TIMEOUT);
        GetOrCreate<Token> created = factory.inTransaction(session ->
                session.getOrCreate(Token.class, Map.of("code", "goc"), Map.of())).block(TIMEOUT);

        assertThat(inserted).extracting(token -> token.id.version()).containsExactly(7, 7);
        assertThat(created.created()).isTrue();
        assertThat(created.entity().id.version()).isEqualTo(7);
    }
}
