package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON columns and PostgreSQL arrays: their column types, batched binds and in-place dirty tracking. */
class StructuredTypesTest {

    /** A stand-in for Jackson: writes maps as {@code k=v;…} and reads them back. */
    static final JsonCodec CODEC = new JsonCodec() {
        @Override
        public String write(Object value) {
            StringBuilder text = new StringBuilder();
            ((Map<?, ?>) value).forEach((k, v) -> text.append(k).append('=').append(v).append(';'));
            return text.toString();
        }

        @Override
        public Object read(String json, Type type) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String pair : json.split(";")) {
                if (!pair.isEmpty()) {
                    map.put(pair.split("=")[0], pair.split("=")[1]);
                }
            }
            return map;
        }
    };

    @Entity
    static class Product {
        @Id
        Long id;

        @Column(columnDefinition = "jsonb")
        Map<String, String> attributes;

        List<String> tags;
        long[] sizes;
        Integer[] ratings;
        List<UUID> related;

        @Column(columnDefinition = "jsonb")
        Size size;
    }

    record Size(int width, int height) {}

    private static final Metamodel METAMODEL =
            Metamodel.of(List.of(Product.class), new MappingOptions(List.of(), UUID::randomUUID, CODEC));
    private static final EntityMapping PRODUCT = METAMODEL.entity(Product.class);

    @Test
    void jsonAndArrayFieldsMapToJsonbAndArrayColumns() {
        assertThat(PRODUCT.columns().subList(1, 6))
                .extracting(ColumnMapping::column, c -> c.type().ddlType(), c -> c.type().arrayType(),
                        c -> c.type().mutable())
                .containsExactly(
                        tuple("attributes", "jsonb", "text[]::jsonb[]", true),
                        tuple("tags", "text[]", "text[]", true),
                        tuple("sizes", "bigint[]", "text[]", true),
                        tuple("ratings", "integer[]", "text[]", true),
                        tuple("related", "uuid[]", "text[]", true));
    }

    @Test
    void aJsonRecordOfImmutableValuesSnapshotsTheValueItselfNotItsWrittenForm() {
        ColumnType size = PRODUCT.column("size").type();
        Size value = new Size(3, 4);

        assertThat(size.mutable()).isFalse();
        assertThat(size.snapshotOf(value)).as("no JSON write per loaded row").isSameAs(value);
    }

    @Test
    void anArrayColumnIsBatchedAsTextLiteralsCastBackAfterUnnest() {
        ColumnType tags = PRODUCT.column("tags").type();

        assertThat(tags.toArrayElement(List.of("a", "b\"c", "d\\e"))).isEqualTo("{\"a\",\"b\\\"c\",\"d\\\\e\"}");
        assertThat(tags.toArrayElement(new ArrayList<>(java.util.Arrays.asList("x", null)))).isEqualTo("{\"x\",NULL}");
        assertThat((Object[]) tags.toDriver(List.of("a"))).containsExactly("a");
        assertThat(tags.fromDriver(new String[] {"a", "b"})).isEqualTo(List.of("a", "b"));
        assertThat(PRODUCT.column("sizes").type().fromDriver(new Long[] {1L, 2L})).isEqualTo(new long[] {1, 2});
        assertThat(FlushSqlRenderer.insertAssigned(PRODUCT, PRODUCT.columns().subList(0, 3))).isEqualTo(
                "INSERT INTO \"product\" (\"id\", \"attributes\", \"tags\") SELECT c1, c2, c3::text[] FROM"
                        + " unnest($1::bigint[], $2::text[]::jsonb[], $3::text[]) AS t(c1, c2, c3)");
    }

    @Test
    void changesInsideAListOrAJsonValueMakeTheObjectDirty() {
        UnitOfWork unitOfWork = new UnitOfWork(METAMODEL);
        Map<String, String> attributes = new LinkedHashMap<>(Map.of("colour", "red"));
        Product product = (Product) unitOfWork.load(PRODUCT, new Object[] {1L, attributes,
                new ArrayList<>(List.of("a")), new long[] {1}, new Integer[] {5}, new ArrayList<UUID>(),
                new Size(1, 2)}, false);
        EntityState state = unitOfWork.state(product);
        assertThat(unitOfWork.values().changed(state)).isEmpty();

        product.tags.add("b");
        product.attributes.put("colour", "blue");
        product.sizes[0] = 2;
        product.size = new Size(1, 2);

        assertThat(unitOfWork.values().changed(state)).extracting(ColumnMapping::property)
                .as("an equal record is no change").containsExactly("attributes", "tags", "sizes");
        product.size = new Size(1, 3);
        assertThat(unitOfWork.values().changed(state)).extracting(ColumnMapping::property)
                .containsExactly("attributes", "tags", "sizes", "size");
    }
}
