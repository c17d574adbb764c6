package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Path;
import io.valence.orm.query.Select;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.Test;

class StaticMetamodelWriterTest {
    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    @Test
    void fillingTheMetamodelGivesEachAttributeItsNameMemberAndType() {
        StaticMetamodelWriter.fill(METAMODEL);

        assertThat(Child_.value.getName()).isEqualTo("value");
        assertThat(Child_.value.getJavaType()).isEqualTo(String.class);
        assertThat(Child_.parent.isAssociation()).isTrue();
        assertThat(Child_.value.isAssociation()).isFalse();
        assertThat(Parent_.children.isCollection()).isTrue();
        assertThat(Child_.value).hasToString("Child.value");
    }

    @Test
    void typedPathsRenderAsTheirStringTwins() {
        StaticMetamodelWriter.fill(METAMODEL);

        SqlStatement typed = renderer.render(Select.from(Child.class)
                        .filterBy(Child_.id, 3L)
                        .where(Path.of(Child_.parent).to(Parent_.value).eq("p").and(Path.of(Child_.value).isNotNull()))
                        .orderBy(Path.of(Child_.value).asc()))
                .statement();
        SqlStatement named = renderer.render(Select.from(Child.class)
                        .filterBy("id", 3L)
                        .where(io.valence.orm.query.Condition.eq("parent.value", "p")
                                .and(io.valence.orm.query.Condition.isNotNull("value")))
                        .orderBy("value"))
                .statement();

        assertThat(typed.sql()).isSameAs(named.sql());
        assertThat(values(typed)).containsExactly(3L, "p");
        assertThat(Path.of(Parent_.children).exists(Path.of(Child_.value).eq("x")))
                .isEqualTo(io.valence.orm.query.Condition.exists("children", io.valence.orm.query.Condition.eq("value", "x")));
    }

    @Test
    void anAttributeNotFilledYetFailsSayingWhatToDo() {
        SingularAttribute<Child, String> unfilled = null;

        assertThatThrownBy(() -> Path.of(unfilled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a JPA static metamodel attribute is null: its fields are filled when a"
                        + " SessionFactory mapping its entity is built");
    }
}
