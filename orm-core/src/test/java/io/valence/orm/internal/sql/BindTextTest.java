package io.valence.orm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Bound values as a log line shows them. */
class BindTextTest {

    @Test
    void writesArraysAsListsTextQuotedAndNullsAsNull() {
        UUID id = UUID.fromString("019a0c1e-0000-7000-8000-000000000001");
        List<SqlStatement.Bind> binds = new ArrayList<>(List.of(
                new SqlStatement.Bind(new UUID[] {id, id}, UUID[].class),
                new SqlStatement.Bind(new long[] {1, 2}, long[].class),
                new SqlStatement.Bind("it's", String.class),
                new SqlStatement.Bind(List.of("a", "b"), List.class)));
        binds.add(new SqlStatement.Bind(null, Long.class));

        assertThat(BindText.of(binds)).isEqualTo("$1=[" + id + ", " + id + "], $2=[1, 2], $3='it's', $4=['a', 'b'], $5=null");
    }

    @Test
    void elidesLongTextLongArraysAndBytes() {
        Long[] ids = LongStream.rangeClosed(1, 25).boxed().toArray(Long[]::new);
        String text = "x".repeat(100);

        String written = BindText.of(List.of(new SqlStatement.Bind(ids, Long[].class),
                new SqlStatement.Bind(text, String.class), new SqlStatement.Bind(new byte[2048], byte[].class)));

        assertThat(written).isEqualTo("$1=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (25 elements)], $2='" + "x".repeat(60)
                + "… (100 chars)', $3=<2048 bytes>");
        assertThat(BindText.of(List.of())).isEmpty();
    }
}
