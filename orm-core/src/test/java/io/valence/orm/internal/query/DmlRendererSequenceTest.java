package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.query.Insert;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inserts into a table whose id a sequence supplies: the column has no default, so rows must draw it. */
class DmlRendererSequenceTest {
    private static final String NEXTVAL = "nextval('\"ticket_ids\"'::regclass)";
    private static final String RETURNING = " RETURNING \"id\", \"code\"";

    private final DmlRenderer renderer = new DmlRenderer(Metamodel.of(List.of(Ticket.class)));

    @Test
    void mapRowsWithoutAnIdDrawOneFromTheSequence() {
        RenderedDml rendered = renderer.insert(Insert.into(Ticket.class)
                .values(Map.of("code", "a"))
                .values(Map.of("code", "b"))
                .onConflict("code").doNothing());
        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"ticket\" (\"id\", \"code\") VALUES ("
                + NEXTVAL + ", $1), (" + NEXTVAL + ", $2) ON CONFLICT (\"code\") DO NOTHING" + RETURNING);
        assertThat(values(rendered.statement())).containsExactly("a", "b");
    }

    @Test
    void entityRowsDrawAnIdOnlyWhenTheyHaveNone() {
        RenderedDml rendered = renderer.insert(Insert.into(Ticket.class)
                .values(new Ticket(null, "new"))
                .values(new Ticket(7L, "given")));
        assertThat(rendered.statement().sql()).isEqualTo("INSERT INTO \"ticket\" (\"id\", \"code\") VALUES ("
                + NEXTVAL + ", $1), ($2, $3)" + RETURNING);
        assertThat(values(rendered.statement())).containsExactly("new", 7L, "given");
    }

    @Test
    void mapRowsGivingTheIdKeepIt() {
        RenderedDml rendered = renderer.insert(Insert.into(Ticket.class).values(Map.of("id", 9L, "code", "c")));
        assertThat(rendered.statement().sql()).doesNotContain("nextval");
        assertThat(values(rendered.statement())).containsExactlyInAnyOrder(9L, "c");
    }
}
