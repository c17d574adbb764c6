package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.valence.orm.internal.mapping.JsonCodec;
import io.valence.orm.internal.mapping.MappingOptions;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Array conditions (contains, overlaps, any) and the JSON path condition, with their SQL and binds. */
class StructuredConditionsTest {

    @Entity
    static class Item {
        @Id
        Long id;

        List<String> tags;
        long[] sizes;

        @Column(columnDefinition = "jsonb")
        Map<String, Object> attributes;
    }

    private final SelectRenderer renderer = new SelectRenderer(
            Metamodel.of(List.of(Item.class), new MappingOptions(List.of(), UUID::randomUUID, JsonCodec.NONE)));

    private SqlStatement where(Condition condition) {
        return renderer.render(Select.from(Item.class).where(condition)).statement();
    }

    private static String whereClause(SqlStatement statement) {
        return statement.sql().substring(statement.sql().indexOf(" WHERE ") + 7);
    }

    @Test
    void containsAndOverlapsBindTheElementsAsOneTypedArray() {
        SqlStatement contains = where(Condition.arrayContains("tags", List.of("a", "b")));
        SqlStatement overlaps = where(Condition.arrayOverlaps("sizes", List.of(1, 2L)));

        assertThat(whereClause(contains)).isEqualTo("t0.\"tags\" @> $1::text[]");
        assertThat(values(contains)).containsExactly(List.of("a", "b"));
        assertThat(whereClause(overlaps)).isEqualTo("t0.\"sizes\" && $1::bigint[]");
        assertThat(values(overlaps)).containsExactly(List.of(1L, 2L));
    }

    @Test
    void anyComparesOneElement() {
        SqlStatement any = where(Condition.arrayAny("tags", "sale"));

        assertThat(whereClause(any)).isEqualTo("$1::text = ANY(t0.\"tags\")");
        assertThat(values(any)).containsExactly("sale");
    }

    @Test
    void aJsonPathComparesTheTextAtThePathWithTheValuesText() {
        SqlStatement json = where(Condition.jsonEq("attributes", "size.width", 42));

        assertThat(whereClause(json)).isEqualTo("(t0.\"attributes\" #>> $1::text[]) = $2");
        assertThat(values(json)).containsExactly(List.of("size", "width"), "42");
    }

    @Test
    void structuredConditionsOnOtherColumnsFailBeforeSql() {
        assertThatIllegalArgumentException().isThrownBy(() -> where(Condition.arrayAny("id", 1L)))
                .withMessageStartingWith("Item.id is not an array column");
        assertThatIllegalArgumentException().isThrownBy(() -> where(Condition.jsonEq("tags", "a", 1)))
                .withMessageStartingWith("Item.tags is not a JSON column");
        assertThatIllegalArgumentException().isThrownBy(() -> where(Condition.arrayAny("tags", 1L)))
                .withMessage("Item.tags holds String elements, but the condition was given a Long; pass String values");
    }
}
