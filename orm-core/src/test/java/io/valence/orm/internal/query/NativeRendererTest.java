package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.types;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.MappingException;
import io.valence.orm.query.NativeQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeRendererTest {
    private final NativeRenderer renderer = new NativeRenderer(METAMODEL);

    @Test
    void namedParametersBecomeNumberedOncePerNameAndCastsStay() {
        RenderedNative query = renderer.render(NativeQuery.entities(Child.class,
                        "SELECT * FROM child WHERE value = :value AND id > :after::bigint OR value = :value")
                .bind("value", "x")
                .bind("after", 3L));

        assertThat(query.statement().sql())
                .isEqualTo("SELECT * FROM child WHERE value = $1 AND id > $2::bigint OR value = $1");
        assertThat(values(query.statement())).containsExactly("x", 3L);
        assertThat(query.entity()).isSameAs(METAMODEL.entity(Child.class));
    }

    @Test
    void quotesIdentifiersDollarQuotesAndCommentsHoldNoParameters() {
        String sql = "SELECT ':no', E'\\':no', \"a:no\", $$ :no $$, $tag$ $1 $tag$ -- :no\n"
                + " /* :no /* $1 */ */ FROM child WHERE id = :id";

        RenderedNative query = renderer.render(NativeQuery.tuples(sql).bind("id", 1L));

        assertThat(query.statement().sql()).isEqualTo(sql.replace(":id", "$1"));
        assertThat(values(query.statement())).containsExactly(1L);
    }

    @Test
    void positionalParametersAreBoundByNumberAndNullsAreTyped() {
        RenderedNative query = renderer.render(NativeQuery.value(Long.class, "SELECT count(*) FROM child WHERE id > $2 AND value = $1")
                .bindNull(1, String.class)
                .bind(2, 5L));

        assertThat(query.statement().sql()).isEqualTo("SELECT count(*) FROM child WHERE id > $2 AND value = $1");
        assertThat(values(query.statement())).containsExactly(null, 5L);
        assertThat(types(query.statement())).containsExactly(String.class, Long.class);
    }

    @Test
    void anEntityBindsItsIdAndAnEnumItsName() {
        Parent parent = new Parent(9L, "p");

        RenderedNative query = renderer.render(NativeQuery.tuples("SELECT :parent, :kind")
                .bind("parent", parent)
                .bind("kind", Event.Kind.CREATED));

        assertThat(values(query.statement())).containsExactly(9L, "CREATED");
    }

    @Test
    void aMissingParameterFailsBeforeAnySqlNamingIt() {
        assertThatThrownBy(() -> renderer.render(NativeQuery.entities(Child.class,
                        "SELECT * FROM child WHERE value = :value AND id > :after").bind("value", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the native query \"SELECT * FROM child WHERE value = :value AND id > :after\" has parameters"
                        + " [:after] that are not bound (bound: [:value]); bind each with NativeQuery.bind(…) (or"
                        + " bindNull(…, type)) before running it");
        assertThatThrownBy(() -> renderer.render(NativeQuery.tuples("SELECT $1, $3").bind(1, "a").bind(3, "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has parameters [$2] that are not bound");
    }

    @Test
    void aBindingWithoutParameterAndMixedParametersFail() {
        assertThatThrownBy(() -> renderer.render(NativeQuery.tuples("SELECT :a").bind("a", 1).bind("b", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the native query \"SELECT :a\" has no parameter [:b] (its parameters are [:a]); check the"
                        + " spelling, or remove the binding");
        assertThatThrownBy(() -> renderer.render(NativeQuery.tuples("SELECT :a, $1").bind("a", 1).bind(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes named (:name) and positional ($n) parameters");
    }

    @Test
    void anUnmappedEntityFailsAtTheCall() {
        assertThatThrownBy(() -> renderer.render(NativeQuery.entities(String.class, "SELECT 1")))
                .isInstanceOf(MappingException.class);
    }

    @Test
    void anEntityRowNeedsEveryColumnByName() {
        RenderedNative query = renderer.render(NativeQuery.entities(Child.class, "SELECT 1"));

        assertThat(query.entityColumns(List.of("extra", "PARENT_ID", "value", "id"))).containsExactly(3, 2, 1);
        assertThatThrownBy(() -> query.entityColumns(List.of("id", "value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the native query's rows have no column \"parent_id\", which Child needs (its row has"
                        + " [id, value]); select every column of the entity, as SELECT t.* does, or read the rows as"
                        + " NativeQuery.rows(…) or tuples(…)");
    }
}
