package io.valence.orm.it.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Nested embedded values with overrides: DDL, round trip, null values, dirty tracking inside, queries by path. */
@ValenceTest(entities = Warehouse.class)
class EmbeddedValuesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Warehouse committed(Warehouse warehouse, SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(warehouse);
            return Mono.empty();
        }).block(TIMEOUT);
        return warehouse;
    }

    @Test
    void theTableHasAColumnPerEmbeddedFieldNamedAsJpaSays(SessionFactory factory) {
        assertThat(factory.schema().ddl()).anySatisfy(ddl -> assertThat(ddl)
                .contains("\"city\" varchar(60)", "\"lat\" numeric(9,6)", "\"lon\" numeric(9,6)",
                        "\"backup_city\" varchar(60)", "\"backup_lat\" numeric(9,6)", "\"backup_lon\" numeric(9,6)"));
    }

    @Test
    void theCreatedSchemaValidatesAgainstTheMapping(SessionFactory factory) {
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void nestedValuesRoundTripAndANullValueReadsBackAsNull(SessionFactory factory) {
        Warehouse warehouse = committed(new Warehouse("round-trip", new Site("Lyon", new Geo("45.764043", "4.835659")),
                null), factory);

        Warehouse read = factory.withSession(session -> session.get(Warehouse.class, warehouse.id)).block(TIMEOUT);

        assertThat(read.main.city).isEqualTo("Lyon");
        assertThat(read.main.geo.lat).isEqualByComparingTo(new BigDecimal("45.764043"));
        assertThat(read.backup).isNull();
    }

    @Test
    void aChangeInsideANestedValueUpdatesOnlyItsColumnAndSettingAValueNullClearsItsColumns(
            SessionFactory factory, StatementRecorder recorder) {
        Warehouse warehouse = committed(new Warehouse("dirty", new Site("Lyon", new Geo("1", "2")),
                new Site("Paris", new Geo("3", "4"))), factory);
        recorder.reset();

        factory.inTransaction(session -> session.get(Warehouse.class, warehouse.id)
                .doOnNext(loaded -> loaded.main.geo.lon = new BigDecimal("2.5"))).block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("lon");
        factory.inTransaction(session -> session.get(Warehouse.class, warehouse.id)
                .doOnNext(loaded -> loaded.backup = null)).block(TIMEOUT);

        Warehouse read = factory.withSession(session -> session.get(Warehouse.class, warehouse.id)).block(TIMEOUT);
        assertThat(read.main.geo.lon).isEqualByComparingTo("2.5");
        assertThat(read.backup).isNull();
    }

    @Test
    void queriesFilterAndOrderByEmbeddedPaths(SessionFactory factory) {
        committed(new Warehouse("q-north", new Site("Lille", new Geo("50.6", "3.0")), null), factory);
        committed(new Warehouse("q-south", new Site("Nice", new Geo("43.7", "7.2")), new Site("Lille", null)), factory);

        List<String> byBackup = names(factory, Select.from(Warehouse.class).where(Condition.eq("backup.city", "Lille")));
        List<String> southFirst = names(factory, Select.from(Warehouse.class)
                .where(Condition.like("name", "q-%")).orderBy(Order.asc("main.geo.lat")));

        assertThat(byBackup).containsExactly("q-south");
        assertThat(southFirst).containsExactly("q-south", "q-north");
    }

    private static List<String> names(SessionFactory factory, Select<Warehouse> select) {
        return factory.withSession(session -> session.scalars(select).map(warehouse -> warehouse.name).collectList())
                .block(TIMEOUT);
    }
}
