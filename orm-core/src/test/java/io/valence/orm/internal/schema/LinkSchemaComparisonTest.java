package io.valence.orm.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.SchemaDifference;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.schema.DatabaseCatalog.Column;
import io.valence.orm.internal.unitofwork.fixtures.Invoice;
import io.valence.orm.internal.unitofwork.fixtures.Label;
import io.valence.orm.internal.unitofwork.fixtures.Line;
import io.valence.orm.internal.unitofwork.fixtures.Post;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of what relationships put in the schema beside entity tables: link tables and join columns. */
class LinkSchemaComparisonTest {
    private static final Metamodel MODEL = Metamodel.of(List.of(Post.class, Label.class, Invoice.class, Line.class));

    private static List<SchemaDifference> linkDifferences(List<Column> columns) {
        return SchemaComparison.compare(MODEL, new DatabaseCatalog(columns, List.of())).stream()
                .filter(difference -> difference.table().equals("post_label") || "invoice_id".equals(difference.column()))
                .toList();
    }

    @Test
    void theLinkTableIsAmongTheTablesToRead() {
        assertThat(SchemaComparison.tables(MODEL)).contains("post_label").doesNotContain("invoice_id");
    }

    @Test
    void aMissingLinkTableAndAMissingJoinColumnAreNamedWithTheirFixes() {
        List<SchemaDifference> differences = linkDifferences(List.of(
                new Column("line", "id", "bigint", true, false), new Column("line", "position", "integer", false, false)));

        assertThat(differences).containsExactlyInAnyOrder(
                new SchemaDifference("post_label", null, "Link table \"post_label\" (of Post.labels) does not exist.",
                        "create it: CREATE TABLE \"post_label\" ( \"post_id\" bigint NOT NULL REFERENCES \"post\" (\"id\"),"
                                + " \"label_id\" bigint NOT NULL REFERENCES \"label\" (\"id\"), PRIMARY KEY (\"post_id\","
                                + " \"label_id\") )"),
                new SchemaDifference("line", "invoice_id", "Column \"invoice_id\" of table \"line\" (the @JoinColumn of"
                        + " Invoice.lines) is missing.", "ALTER TABLE \"line\" ADD COLUMN \"invoice_id\" bigint"));
    }

    @Test
    void aLinkTableMissingAColumnIsNamedWithItsAddColumn() {
        List<SchemaDifference> differences = linkDifferences(List.of(
                new Column("post_label", "post_id", "bigint", true, false),
                new Column("line", "invoice_id", "bigint", false, false)));

        assertThat(differences).containsExactly(new SchemaDifference("post_label", "label_id", "Column \"label_id\" of"
                + " table \"post_label\" (the link table of Post.labels) is missing.",
                "ALTER TABLE \"post_label\" ADD COLUMN \"label_id\" bigint NOT NULL"));
    }
}
