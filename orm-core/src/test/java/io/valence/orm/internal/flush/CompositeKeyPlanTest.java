package io.valence.orm.internal.flush;

import static io.valence.orm.internal.flush.FlushPlannerTest.rows;
import static io.valence.orm.internal.flush.FlushPlannerTest.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.load.SelectInWiring;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Composite keys as data: the mapping of an {@code @IdClass} and an {@code @EmbeddedId}, the
 * identity map keyed by key objects, the batched statements over every key part, and the row switch.
 */
class CompositeKeyPlanTest {
    /** The key of an order line. */
    static final class LineKey {
        long orderId;
        int lineNo;

        LineKey() {}

        LineKey(long orderId, int lineNo) {
            this.orderId = orderId;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LineKey key && key.orderId == orderId && key.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, lineNo);
        }
    }

    /** A line keyed by its order's id and its number, versioned. */
    @Entity
    @IdClass(LineKey.class)
    static class Line {
        @Id
        Long orderId;

        @Id
        Integer lineNo;

        String note;

        @Version
        Long version;

        @OneToMany(mappedBy = "line")
        List<Parcel> parcels;

        Line() {}

        Line(long orderId, int lineNo, String note) {
            this.orderId = orderId;
            this.lineNo = lineNo;
            this.note = note;
        }
    }

    /** The key of a seat. */
    @Embeddable
    static class SeatId {
        String hall;
        int number;

        SeatId() {}

        SeatId(String hall, int number) {
            this.hall = hall;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SeatId id && id.hall.equals(hall) && id.number == number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(hall, number);
        }
    }

    /** A seat keyed by an embedded id, unversioned. */
    @Entity
    static class Seat {
        @EmbeddedId
        SeatId id;

        String label;

        Seat() {}

        Seat(String hall, int number, String label) {
            this.id = new SeatId(hall, number);
            this.label = label;
        }
    }

    /** A parcel refers to a line: its foreign key has a column per part of the line's key. */
    @Entity
    static class Parcel {
        @Id
        Long id;

        @ManyToOne
        Line line;

        Parcel() {}

        Parcel(long id, Line line) {
            this.id = id;
            this.line = line;
        }
    }

    /** A label belongs to one line at most: its foreign key columns are unique together. */
    @Entity
    static class Label {
        @Id
        Long id;

        @OneToOne
        Line line;
    }

    private static final Metamodel METAMODEL = Metamodel.of(List.of(Line.class, Seat.class, Parcel.class, Label.class));
    private static final EntityMapping PARCEL = METAMODEL.entity(Parcel.class);
    private static final EntityMapping LINE = METAMODEL.entity(Line.class);
    private static final EntityMapping SEAT = METAMODEL.entity(Seat.class);

    private final UnitOfWork unitOfWork = new UnitOfWork(METAMODEL);

    private final SelectRenderer selects = new SelectRenderer(METAMODEL);

    private FlushPlan plan() {
        return new FlushPlanner(METAMODEL).plan(new ChangeCollector(unitOfWork).collect());
    }

    private Line persistentLine(long orderId, int lineNo, String note, long version) {
        return (Line) unitOfWork.load(LINE, new Object[] {orderId, lineNo, note, version}, false);
    }

    @Test
    void anIdClassKeyHasOneColumnPerIdFieldFirstAndIsKeyedByTheKeyClass() {
        assertThat(LINE.key().isComposite()).isTrue();
        assertThat(LINE.key().keyClass()).isEqualTo(LineKey.class);
        assertThat(LINE.key().parts()).extracting(ColumnMapping::column).containsExactly("order_id", "line_no");
        assertThat(LINE.columns()).extracting(ColumnMapping::column)
                .containsExactly("order_id", "line_no", "note", "version");
        assertThat(PARCEL.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "line_order_id", "line_line_no");
        assertThat(LINE.idOf(new Line(7, 2, "x"))).isEqualTo(new LineKey(7, 2));
    }

    @Test
    void anEmbeddedIdKeyHasTheEmbeddablesColumnsAndPathPropertiesForConditions() {
        assertThat(SEAT.key().keyClass()).isEqualTo(SeatId.class);
        assertThat(SEAT.key().parts()).extracting(ColumnMapping::property).containsExactly("id.hall", "id.number");
        assertThat(SEAT.key().parts()).extracting(ColumnMapping::nullable).containsExactly(false, false);
        assertThat(SEAT.column("id.number").column()).isEqualTo("number");
        assertThat(SEAT.idOf(new Seat("A", 3, "x"))).isEqualTo(new SeatId("A", 3));
    }

    @Test
    void theIdentityMapFindsObjectsByAnEqualKeyObject() {
        Line loaded = persistentLine(1, 2, "loaded", 0);

        assertThat(unitOfWork.find(LINE, new LineKey(1, 1))).isNull();
        assertThat(unitOfWork.find(LINE, new LineKey(1, 2))).isSameAs(loaded);
        assertThat(persistentLine(1, 2, "again", 0)).as("the same row loads into the same object").isSameAs(loaded);
    }

    @Test
    void insertsUpdatesAndDeletesOfManyRowsAreOneStepEachWithOneArrayPerKeyPart() {
        for (int i = 1; i <= 3; i++) {
            unitOfWork.add(new Seat("A", i, "new"));
        }
        for (int i = 1; i <= 3; i++) {
            persistentLine(5, i, "old", 0).note = "changed";
        }
        for (int i = 4; i <= 6; i++) {
            unitOfWork.delete(persistentLine(5, i, "gone", 0));
        }

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactlyInAnyOrder("INSERT seat", "UPDATE line [note]", "DELETE line");
        FlushStatements statements = new FlushStatements();
        for (FlushStep step : plan.steps()) {
            List<BoundStep> bound = statements.bind(step, unitOfWork.values());
            assertThat(bound).hasSize(1);
            List<SqlStatement.Bind> binds = bound.get(0).statement().binds();
            if (step instanceof FlushStep.UpdateRows) {
                assertThat(binds).as("order ids, line numbers, versions, notes").hasSize(4);
                assertThat((Object[]) binds.get(1).value()).containsExactly(1, 2, 3);
            } else if (step instanceof FlushStep.DeleteRows) {
                assertThat(binds).as("order ids, line numbers, versions").hasSize(3);
            } else {
                assertThat(binds).as("halls, numbers, labels").hasSize(3);
            }
        }
    }

    @Test
    void updatesAndDeletesMatchEveryKeyPartAndAnswerWithThePositionsOfTheRowsTheyTouched() {
        List<ColumnMapping> note = List.of(LINE.column("note"));

        assertThat(FlushSqlRenderer.update(LINE, note, List.of())).isEqualTo("WITH u AS (UPDATE \"line\" AS x SET \"note\" = v.c1,"
                + " \"version\" = x.\"version\" + 1 FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::text[])"
                + " WITH ORDINALITY AS v(k1, k2, ver, c1, n) WHERE x.\"order_id\" = v.k1 AND x.\"line_no\" = v.k2 AND"
                + " x.\"version\" = v.ver RETURNING v.n AS k) SELECT CASE WHEN count(*) = cardinality($1::bigint[]) THEN"
                + " NULL ELSE coalesce(array_agg(u.k), '{}') END FROM u");
        assertThat(FlushSqlRenderer.delete(SEAT)).isEqualTo("WITH u AS (DELETE FROM \"seat\" AS x USING"
                + " unnest($1::text[], $2::integer[]) WITH ORDINALITY AS v(k1, k2, n) WHERE x.\"hall\" = v.k1 AND"
                + " x.\"number\" = v.k2 RETURNING v.n AS k) SELECT CASE WHEN count(*) = cardinality($1::text[]) THEN"
                + " NULL ELSE coalesce(array_agg(u.k), '{}') END FROM u");
        assertThat(FlushSqlRenderer.update(SEAT, List.of(SEAT.column("label")), List.of())).isEqualTo("UPDATE \"seat\" AS x SET"
                + " \"label\" = v.c1 FROM unnest($1::text[], $2::integer[], $3::text[]) WITH ORDINALITY AS"
                + " v(k1, k2, c1, n) WHERE x.\"hall\" = v.k1 AND x.\"number\" = v.k2");
        assertThat(FlushSqlRenderer.missingRows(SEAT)).isEqualTo("SELECT v.n FROM unnest($1::text[], $2::integer[])"
                + " WITH ORDINALITY AS v(k1, k2, n) WHERE NOT EXISTS (SELECT 1 FROM \"seat\" AS x WHERE"
                + " x.\"hall\" = v.k1 AND x.\"number\" = v.k2)");
        assertThat(SEAT.key().answerColumn().type().javaType()).isEqualTo(Long.class);
        assertThat(SEAT.key().answerOf(new SeatId("A", 1), 0)).isEqualTo(1L);
    }

    @Test
    void aGetByCompositeKeyReadsOneRowByARowComparison() {
        SqlStatement statement = new SelectRenderer(METAMODEL).byId(LINE, new LineKey(3, 4));

        assertThat(statement.sql()).endsWith("WHERE (t0.\"order_id\", t0.\"line_no\") = ($1, $2)");
        assertThat(statement.binds()).extracting(SqlStatement.Bind::value).containsExactly(3L, 4);
    }

    @Test
    void theDeleteAndTheAddOfTheSameCompositeKeyBecomeOneUpdateOfTheChangedColumns() {
        Line old = persistentLine(1, 1, "old", 4);
        unitOfWork.delete(old);
        Line replacement = new Line(1, 1, "new");
        unitOfWork.add(replacement);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE line [note]");
        assertThat(rows(plan.steps().get(0))).containsExactly(replacement);
        assertThat(replacement.version).isEqualTo(4L);
        assertThat(unitOfWork.state(replacement).status()).isEqualTo(Status.PERSISTENT);
        assertThat(unitOfWork.find(LINE, new LineKey(1, 1))).isSameAs(replacement);
    }

    @Test
    void addingAnObjectWithANullKeyPartFailsAtTheCall() {
        Seat seat = new Seat("A", 1, "x");
        seat.id.hall = null;
        Line line = new Line(1, 1, "x");
        line.lineNo = null;

        assertThatIllegalArgumentException().isThrownBy(() -> unitOfWork.add(seat)).withMessage("A Seat cannot be"
                + " added: its key part Seat.id.hall (column \"hall\") is null; the parts of a composite key are"
                + " assigned by the application: set every part of the key before add()");
        assertThatIllegalArgumentException().isThrownBy(() -> unitOfWork.add(line)).withMessageContaining("Line.lineNo");
        assertThat(unitOfWork.size()).isZero();
    }

    @Test
    void theSchemaHasOnePrimaryKeyOverEveryKeyPart() {
        assertThat(SchemaRenderer.create(METAMODEL)).contains("CREATE TABLE \"line\" (\n    \"order_id\" bigint NOT"
                + " NULL,\n    \"line_no\" integer NOT NULL,\n    \"note\" text,\n    \"version\" bigint NOT NULL,\n"
                + "    PRIMARY KEY (\"order_id\", \"line_no\")\n)");
    }

    @Test
    void theSchemaHasOneForeignKeyAndOneIndexOverTheColumnsOfACompositeForeignKey() {
        List<String> statements = SchemaRenderer.create(METAMODEL);

        assertThat(statements).contains("CREATE TABLE \"parcel\" (\n    \"id\" bigint PRIMARY KEY,\n    \"line_order_id\""
                + " bigint,\n    \"line_line_no\" integer,\n    FOREIGN KEY (\"line_order_id\", \"line_line_no\") REFERENCES"
                + " \"line\" (\"order_id\", \"line_no\")\n)");
        assertThat(statements).contains("CREATE INDEX \"parcel_line_order_id_line_line_no_idx\" ON \"parcel\""
                + " (\"line_order_id\", \"line_line_no\")");
    }

    @Test
    void aOneToOneToACompositeKeyIsUniqueOverItsForeignKeyColumnsTogether() {
        List<String> statements = SchemaRenderer.create(METAMODEL);

        assertThat(statements).contains("CREATE TABLE \"label\" (\n    \"id\" bigint PRIMARY KEY,\n    \"line_order_id\""
                + " bigint,\n    \"line_line_no\" integer,\n    FOREIGN KEY (\"line_order_id\", \"line_line_no\") REFERENCES"
                + " \"line\" (\"order_id\", \"line_no\"),\n    CONSTRAINT \"label_line_order_id_line_line_no_key\" UNIQUE"
                + " (\"line_order_id\", \"line_line_no\")\n)");
        assertThat(statements).noneMatch(statement -> statement.startsWith("CREATE INDEX") && statement.contains("label"));
    }

    @Test
    void aJoinAlongACompositeForeignKeyMatchesEveryPart() {
        String sql = selects.render(Select.from(Parcel.class).options(Load.joined("line"))).statement().sql();

        assertThat(sql).contains("LEFT OUTER JOIN \"line\" AS t1 ON t1.\"order_id\" = t0.\"line_order_id\" AND"
                + " t1.\"line_no\" = t0.\"line_line_no\"");
        assertThat(selects.render(Select.from(Line.class).options(Load.joined("parcels"))).statement().sql())
                .contains("ON t1.\"line_order_id\" = t0.\"order_id\" AND t1.\"line_line_no\" = t0.\"line_no\"");
    }

    @Test
    void aSelectInThroughACompositeForeignKeyBindsOneArrayPerPart() {
        SelectIn lines = selects.render(Select.from(Parcel.class).options(Load.selectIn("line"))).selectIns().get(0);
        SelectIn parcels = selects.render(Select.from(Line.class).options(Load.selectIn("parcels"))).selectIns().get(0);

        assertThat(lines.query().statement().sql()).endsWith("WHERE (t0.\"order_id\", t0.\"line_no\") IN (SELECT * FROM"
                + " unnest($1::bigint[], $2::integer[]))");
        assertThat(parcels.query().statement().sql()).endsWith("WHERE (t0.\"line_order_id\", t0.\"line_line_no\") IN"
                + " (SELECT * FROM unnest($1::bigint[], $2::integer[]))");
        Line first = persistentLine(1, 1, "a", 0);
        Line second = persistentLine(1, 2, "b", 0);
        SelectInWiring wiring = new SelectInWiring(parcels, List.of(unitOfWork.state(first), unitOfWork.state(second)));
        List<SqlStatement> statements = wiring.statements();
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).binds()).extracting(bind -> List.of((Object[]) bind.value()))
                .containsExactly(List.of(1L, 1L), List.of(1, 2));
    }

    @Test
    void aCompositeForeignKeyIsWrittenAndLoadedPartByPart() {
        Line line = persistentLine(4, 2, "x", 0);
        unitOfWork.add(new Parcel(9, line));

        FlushStep insert = plan().steps().get(0);
        List<SqlStatement.Bind> binds = new FlushStatements().bind(insert, unitOfWork.values()).get(0).statement().binds();
        assertThat((Object[]) binds.get(1).value()).containsExactly(4L);
        assertThat((Object[]) binds.get(2).value()).containsExactly(2);

        Parcel loaded = (Parcel) unitOfWork.load(PARCEL, new Object[] {10L, 4L, 2}, false);
        assertThat(loaded.line).as("wired from the identity map, without a statement").isSameAs(line);
        Parcel dangling = (Parcel) unitOfWork.load(PARCEL, new Object[] {11L, 5L, 1}, false);
        assertThat(dangling.line).isNull();
        assertThat(unitOfWork.state(dangling).isLoaded(PARCEL.relationship("line"))).isFalse();
    }

    @Test
    void pointingAToOneAtAnotherCompositeKeyUpdatesTheForeignKeyColumnsThatDiffer() {
        Line first = persistentLine(6, 1, "a", 0);
        Line sameOrder = persistentLine(6, 2, "b", 0);
        Line otherOrder = persistentLine(7, 3, "c", 0);
        Parcel moved = (Parcel) unitOfWork.load(PARCEL, new Object[] {20L, 6L, 1}, false);
        Parcel movedFar = (Parcel) unitOfWork.load(PARCEL, new Object[] {21L, 6L, 1}, false);
        assertThat(moved.line).isSameAs(first);

        moved.line = sameOrder;
        movedFar.line = otherOrder;

        assertThat(shape(plan())).containsExactlyInAnyOrder("UPDATE parcel [line_line_no]",
                "UPDATE parcel [line_order_id, line_line_no]");
    }

    @Test
    void aCompositeForeignKeyComparesWholeWithAnObjectOrAKeyPartByPart() {
        Line line = persistentLine(3, 4, "x", 0);

        SqlStatement byObject = selects.render(Select.from(Parcel.class).filterBy("line", line)).statement();
        SqlStatement byKey = selects.render(Select.from(Parcel.class)
                .where(Condition.ne("line", new LineKey(3, 5)))).statement();
        SqlStatement byEmbeddedId = selects.render(Select.from(Seat.class)
                .where(Condition.eq("id", new SeatId("A", 1)))).statement();

        assertThat(byObject.sql()).endsWith("WHERE (t0.\"line_order_id\", t0.\"line_line_no\") = ($1, $2)");
        assertThat(byObject.binds()).extracting(SqlStatement.Bind::value).containsExactly(3L, 4);
        assertThat(byKey.sql()).endsWith("WHERE (t0.\"line_order_id\", t0.\"line_line_no\") <> ($1, $2)");
        assertThat(byKey.binds()).extracting(SqlStatement.Bind::value).containsExactly(3L, 5);
        assertThat(byEmbeddedId.sql()).endsWith("WHERE (t0.\"hall\", t0.\"number\") = ($1, $2)");
        assertThat(selects.render(Select.from(Parcel.class).where(Condition.eq("line.lineNo", 2))).statement().sql())
                .contains("WHERE t1.\"line_no\" = $1");
    }

    @Test
    void aCompositeForeignKeyIsNoSingleValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> selects.render(Select.from(Parcel.class)
                        .where(Condition.in("line", List.of(1L)))))
                .withMessage("\"line\" names Parcel.line, whose foreign key has a column per part of Line's composite"
                        + " key, so it is no single value; compare it whole with Condition.eq(\"line\", object or key) or"
                        + " Condition.ne, or its parts through the relationship, as in Condition.eq(\"line.<key part>\","
                        + " value)");
        assertThatIllegalArgumentException().isThrownBy(() -> selects.render(Select.from(Parcel.class)
                        .where(Condition.gt("line", new LineKey(1, 1)))))
                .withMessage("\"line\" is a composite key of Line, which compares whole only with = and <>, not >;"
                        + " compare its parts one by one instead");
        assertThatIllegalArgumentException().isThrownBy(() -> selects.render(Select.from(Parcel.class)
                        .where(Condition.eq("line", 7L))))
                .withMessage("\"line\" is a composite key of Line and is compared with a LineKey or a Line, but was"
                        + " given a Long (or a key with a null part); pass a LineKey with every part set, or a Line that"
                        + " has its key");
    }
}
