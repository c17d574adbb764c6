package io.valence.orm.benchmarks.raw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.valence.orm.benchmarks.Attributes;
import io.valence.orm.benchmarks.GraphData;
import io.valence.orm.benchmarks.InsertedIds;
import io.valence.orm.benchmarks.LoadedGraph;
import io.valence.orm.benchmarks.RichGraphData;
import io.valence.orm.benchmarks.raw.RawR2dbcContender.ParentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * W8 and W9 in raw R2DBC: the rich model's parents go out in one statement with the address's
 * columns and the JSON texts ({@code text[]} cast to {@code jsonb[]}) as array parameters, and come
 * back with each document parsed by the same kind of {@link ObjectMapper} Valence is built with.
 */
final class RawRichGraphs {

    static final String INSERT_PARENTS = "INSERT INTO rich_parent (value, street, city, postal_code, attributes)"
            + " SELECT u.value, u.street, u.city, u.postal_code, u.attributes"
            + " FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[]::jsonb[])"
            + " WITH ORDINALITY AS u(value, street, city, postal_code, attributes, n) ORDER BY u.n RETURNING id";
    static final String INSERT_CHILDREN = "INSERT INTO rich_child (parent_id, value)"
            + " SELECT u.parent_id, u.value FROM unnest($1::bigint[], $2::varchar[]) WITH ORDINALITY"
            + " AS u(parent_id, value, n) ORDER BY u.n RETURNING id";
    static final String SELECT_PARENTS = "SELECT id, value, street, city, postal_code, attributes FROM rich_parent";
    static final String SELECT_CHILDREN_OF = "SELECT id, parent_id, value FROM rich_child WHERE parent_id = ANY($1)";

    private final RawTransactions transactions;
    private final ObjectMapper mapper = RichGraphData.objectMapper();

    RawRichGraphs(RawTransactions transactions) {
        this.transactions = transactions;
    }

    /** A rich parent as the raw code holds it: the plain row (with its children), address and document. */
    record RichParentRow(ParentRow parent, PostalAddress address, Attributes attributes) {}

    /** The address columns of a rich parent. */
    record PostalAddress(String street, String city, String postalCode) {}

    InsertedIds insert(RichGraphData rich) {
        GraphData graph = rich.graph();
        String[] values = graph.parentValues().toArray(String[]::new);
        String[] streets = rich.streets().toArray(String[]::new);
        String[] cities = rich.cities().toArray(String[]::new);
        String[] postalCodes = rich.postalCodes().toArray(String[]::new);
        String[] documents = new String[values.length];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = write(rich.attributes().get(i));
        }
        return Objects.requireNonNull(transactions.inTransaction(connection -> RawR2dbcContender.ids(connection
                                .createStatement(INSERT_PARENTS)
                                .bind(0, values)
                                .bind(1, streets)
                                .bind(2, cities)
                                .bind(3, postalCodes)
                                .bind(4, documents))
                        .flatMap(parentIds -> RawR2dbcContender.insertChildren(connection, INSERT_CHILDREN, graph, parentIds)))
                .block());
    }

    LoadedGraph load() {
        List<RichParentRow> parents = Objects.requireNonNull(transactions.inTransaction(connection ->
                        RawR2dbcContender.loadWithChildren(
                                connection, SELECT_PARENTS, this::parent, RichParentRow::parent, SELECT_CHILDREN_OF))
                .block());
        return new LoadedGraph(
                (int) parents.stream().filter(parent -> parent.address() != null && parent.attributes() != null).count(),
                parents.stream().mapToInt(parent -> parent.parent().children().size()).sum());
    }

    private RichParentRow parent(Readable row) {
        Json document = row.get(5, Json.class);
        return new RichParentRow(
                new ParentRow(Objects.requireNonNull(row.get(0, Long.class), "id"), row.get(1, String.class),
                        new ArrayList<>()),
                new PostalAddress(row.get(2, String.class), row.get(3, String.class), row.get(4, String.class)),
                document == null ? null : read(document.asString()));
    }

    private String write(Attributes attributes) {
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + attributes + " as JSON", e);
        }
    }

    private Attributes read(String json) {
        try {
            return mapper.readValue(json, Attributes.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read attributes from " + json, e);
        }
    }
}
