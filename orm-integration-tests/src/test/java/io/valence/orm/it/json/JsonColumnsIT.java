package io.valence.orm.it.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** JSON columns written and read with the builder's ObjectMapper; changes in place are flushed; JSON path conditions. */
@ValenceTest
class JsonColumnsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static SessionFactory factory;

    @BeforeAll
    static void createSchema(ConnectionPool pool) {
        factory = SessionFactory.builder(pool).entities(Document.class).objectMapper(MAPPER).build();
        factory.schema().create().block(TIMEOUT);
    }

    @AfterAll
    static void close() {
        factory.close().block(TIMEOUT);
    }

    private static Document document(String title) throws Exception {
        Document document = new Document(title);
        document.attributes = new LinkedHashMap<>(Map.of("colour", "red", "size", Map.of("width", 42)));
        document.tags = List.of(new Document.Tag("new", 2));
        document.raw = MAPPER.readTree("{\"b\": 1,  \"a\": [true]}");
        return document;
    }

    private static <T> T committed(T entity) {
        factory.inTransaction(session -> {
            session.add(entity);
            return Mono.empty();
        }).block(TIMEOUT);
        return entity;
    }

    @Test
    void theCreatedSchemaValidatesAgainstTheMapping() {
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void valuesRoundTripThroughTheBuildersObjectMapper() throws Exception {
        Document document = committed(document("round-trip"));
        Document nulls = committed(new Document("nulls"));

        Document read = factory.withSession(session -> session.get(Document.class, document.id)).block(TIMEOUT);
        Document readNulls = factory.withSession(session -> session.get(Document.class, nulls.id)).block(TIMEOUT);
        String stored = factory.withSession(session -> session.rows(io.valence.orm.query.NativeQuery
                        .value(String.class, "SELECT tags::text FROM document WHERE id = :id").bind("id", document.id))
                .single()).block(TIMEOUT);

        assertThat(read.attributes).containsEntry("colour", "red").containsEntry("size", Map.of("width", 42));
        assertThat(read.tags).containsExactly(new Document.Tag("new", 2));
        assertThat(read.raw).isEqualTo(document.raw);
        assertThat(readNulls.attributes).isNull();
        assertThat(readNulls.raw).isNull();
        assertThat(stored).as("written by the builder's mapper").isEqualTo("[{\"name\": \"new\", \"tag_weight\": 2}]");
    }

    @Test
    void aMapChangedInPlaceIsWrittenAndAnUntouchedDocumentIsNot(StatementRecorder recorder) throws Exception {
        Document document = committed(document("in-place"));
        recorder.reset();

        factory.inTransaction(session -> session.get(Document.class, document.id)).block(TIMEOUT);
        recorder.assertThat().hasNoUpdates();
        factory.inTransaction(session -> session.get(Document.class, document.id)
                .doOnNext(loaded -> loaded.attributes.put("colour", "blue"))).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("attributes");
        Document read = factory.withSession(session -> session.get(Document.class, document.id)).block(TIMEOUT);
        assertThat(read.attributes).containsEntry("colour", "blue");
    }

    @Test
    void aRecordDocumentIsComparedByEqualsSoAnEqualCopyWritesNothing(StatementRecorder recorder) throws Exception {
        Document document = document("record");
        document.dimensions = new Document.Dimensions(210, 297, "mm");
        committed(document);
        recorder.reset();

        factory.inTransaction(session -> session.get(Document.class, document.id)
                .doOnNext(loaded -> loaded.dimensions = new Document.Dimensions(210, 297, "mm"))).block(TIMEOUT);
        recorder.assertThat().hasNoUpdates();
        factory.inTransaction(session -> session.get(Document.class, document.id)
                .doOnNext(loaded -> loaded.dimensions = new Document.Dimensions(297, 420, "mm"))).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("dimensions");
        Document read = factory.withSession(session -> session.get(Document.class, document.id)).block(TIMEOUT);
        assertThat(read.dimensions).isEqualTo(new Document.Dimensions(297, 420, "mm"));
    }

    @Test
    void aJsonPathConditionComparesTheTextAtThePath() throws Exception {
        committed(document("path-a"));
        Document other = document("path-b");
        other.attributes.put("colour", "green");
        committed(other);

        List<String> green = titles(Condition.jsonEq("attributes", "colour", "green"));
        List<String> wide = titles(Condition.jsonEq("attributes", "size.width", 42).and(Condition.like("title", "path-%")));
        List<String> firstTag = titles(Condition.jsonEq("tags", "0.name", "new").and(Condition.like("title", "path-%")));

        List<String> whole = titles(Condition.eq("attributes", other.attributes));
        assertThat(whole).as("a whole jsonb document compares as jsonb").containsExactly("path-b");
        assertThat(green).containsExactly("path-b");
        assertThat(wide).containsExactly("path-a", "path-b");
        assertThat(firstTag).containsExactly("path-a", "path-b");
    }

    private static List<String> titles(Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Document.class).where(condition).orderBy("title"))
                .map(document -> document.title).collectList()).block(TIMEOUT);
    }
}
