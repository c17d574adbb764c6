package io.valence.orm.internal.flush;

import static io.valence.orm.internal.flush.FlushPlannerTest.shape;
import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.ChangeSet;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Invoice;
import io.valence.orm.internal.unitofwork.fixtures.Line;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A unidirectional {@code @OneToMany} with {@code @JoinColumn}: the column on the element's table,
 * set by an UPDATE after the elements' INSERT and cleared before deletes; loaded by that column.
 */
class JoinColumnOneToManyTest {
    private static final RelationshipMapping LINES = Model.METAMODEL.entity(Invoice.class).relationship("lines");

    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);
    private final FlushPlanner planner = new FlushPlanner(Model.METAMODEL);

    private FlushPlan plan() {
        return planner.plan(new ChangeCollector(unitOfWork).collect());
    }

    private static List<String> pairs(List<Object[]> rows) {
        return rows.stream().map(row -> ((Invoice) row[0]).id + "-" + ((Line) row[1]).id).toList();
    }

    @Test
    void theColumnIsOnTheElementsTableWithItsForeignKeyAddedOnceBothTablesExist() {
        List<String> ddl = SchemaRenderer.create(Model.METAMODEL);

        assertThat(ddl).anySatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE \"line\"")
                .contains("\"invoice_id\" bigint\n"));
        assertThat(ddl).contains("ALTER TABLE \"line\" ADD CONSTRAINT \"line_invoice_id_fkey\" FOREIGN KEY (\"invoice_id\")"
                + " REFERENCES \"invoice\" (\"id\")", "CREATE INDEX \"line_invoice_id_idx\" ON \"line\" (\"invoice_id\")");
    }

    @Test
    void newLinesAreInsertedAndThenLinkedByOneUpdate() {
        Invoice invoice = new Invoice(1L, "A-1");
        invoice.lines.add(new Line(10L, 1));
        invoice.lines.add(new Line(11L, 2));
        unitOfWork.add(invoice);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactlyInAnyOrder("INSERT invoice", "INSERT line");
        assertThat(pairs(plan.links().get(0).linked())).containsExactly("1-10", "1-11");
        assertThat(FlushSqlRenderer.insertLinks(LINES.link())).isEqualTo("UPDATE \"line\" AS x SET \"invoice_id\" = v.a"
                + " FROM unnest($1::bigint[], $2::bigint[]) AS v(a, b) WHERE x.\"id\" = v.b");
    }

    @Test
    void aLineRemovedFromTheCollectionIsAnOrphanAndDeleted() {
        Invoice invoice = persistent(unitOfWork, Invoice.class, 1L, "A-1");
        Line kept = persistent(unitOfWork, Line.class, 10L, 1);
        Line removed = persistent(unitOfWork, Line.class, 11L, 2);
        EntityState state = unitOfWork.state(invoice);
        invoice.lines = new ArrayList<>(List.of(kept, removed));
        state.loaded(LINES, true);
        state.collectionSnapshot(LINES, invoice.lines);
        invoice.lines.remove(removed);

        FlushPlan plan = plan();

        assertThat(unitOfWork.state(removed).status()).isEqualTo(Status.DELETED);
        assertThat(shape(plan)).containsExactly("DELETE line");
        assertThat(plan.links()).isEmpty();
    }

    @Test
    void deletingAnInvoiceClearsItsLinesColumnFirst() {
        Invoice invoice = persistent(unitOfWork, Invoice.class, 1L, "A-1");
        unitOfWork.delete(invoice);

        ChangeSet.LinkChange change = plan().links().get(0);

        assertThat(change.deletedOwners()).containsExactly(invoice);
        assertThat(FlushSqlRenderer.deleteLinks(LINES.link())).isEqualTo("UPDATE \"line\" AS x SET \"invoice_id\" = NULL"
                + " WHERE (x.\"invoice_id\", x.\"id\") IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))"
                + " OR x.\"invoice_id\" = ANY($3::bigint[]) OR x.\"id\" = ANY($4::bigint[])");
    }

    @Test
    void linesLoadByTheColumnInTheirOrder() {
        SelectRenderer renderer = new SelectRenderer(Model.METAMODEL);

        assertThat(renderer.render(Select.from(Invoice.class).options(Load.selectIn("lines"))).selectIns().get(0)
                        .query().statement().sql())
                .isEqualTo("SELECT t0.\"id\", t0.\"position\", t0.\"invoice_id\" FROM \"line\" AS t0"
                        + " WHERE t0.\"invoice_id\" = ANY($1::bigint[]) ORDER BY t0.\"position\"");
        assertThat(renderer.render(Select.from(Invoice.class).options(Load.joined("lines"))).statement().sql())
                .isEqualTo("SELECT t0.\"id\", t0.\"number\", t1.\"id\", t1.\"position\" FROM \"invoice\" AS t0"
                        + " LEFT OUTER JOIN \"line\" AS t1 ON t1.\"invoice_id\" = t0.\"id\" ORDER BY t1.\"position\"");
    }
}
