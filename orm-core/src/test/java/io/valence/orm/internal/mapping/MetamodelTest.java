package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valence.orm.fixtures.Child;
import io.valence.orm.fixtures.Parent;
import io.valence.orm.fixtures.Storage;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetamodelTest {

    @Test
    void seedParentMapsToAnIdentityKeyAShortValueAndAnInverseCollection() {
        EntityMapping parent = Metamodel.of(List.of(Parent.class, Child.class)).entity(Parent.class);

        assertThat(parent.table()).isEqualTo("parent");
        assertThat(parent.idGeneration().strategy()).isEqualTo(IdGeneration.Strategy.IDENTITY);
        assertThat(parent.columns())
                .extracting(ColumnMapping::property, ColumnMapping::column, c -> c.type().ddlType(),
                        ColumnMapping::nullable, ColumnMapping::role)
                .containsExactly(
                        tuple("id", "id", "bigint", false, ColumnMapping.Role.ID),
                        tuple("value", "value", "varchar(50)", true, ColumnMapping.Role.BASIC));
        assertThat(parent.relationships())
                .extracting(RelationshipMapping::name, RelationshipMapping::kind, RelationshipMapping::target,
                        RelationshipMapping::mappedBy, RelationshipMapping::isOwning)
                .containsExactly(tuple("children", RelationshipMapping.Kind.ONE_TO_MANY, Child.class, "parent", false));
        assertThat(parent.propertyNames()).containsExactly("id", "value", "children");
    }

    @Test
    void seedChildMapsItsManyToOneToANullableParentIdColumnInDeclarationOrder() {
        EntityMapping child = Metamodel.of(List.of(Parent.class, Child.class)).entity(Child.class);

        assertThat(child.table()).isEqualTo("child");
        assertThat(child.columns())
                .extracting(ColumnMapping::property, ColumnMapping::column, c -> c.type().ddlType(),
                        ColumnMapping::nullable, ColumnMapping::role)
                .containsExactly(
                        tuple("id", "id", "bigint", false, ColumnMapping.Role.ID),
                        tuple("parent", "parent_id", "bigint", true, ColumnMapping.Role.FOREIGN_KEY),
                        tuple("value", "value", "varchar(50)", true, ColumnMapping.Role.BASIC));
        RelationshipMapping parent = child.relationship("parent");
        assertThat(parent.kind()).isEqualTo(RelationshipMapping.Kind.MANY_TO_ONE);
        assertThat(parent.target()).isEqualTo(Parent.class);
        assertThat(parent.foreignKey()).isSameAs(child.column("parent"));
        assertThat(parent.isOwning()).isTrue();
    }

    @Test
    void seedStorageKeyIsRequiredAndUniqueAndItsValueRequired() {
        EntityMapping storage = Metamodel.of(List.of(Storage.class)).entity(Storage.class);

        assertThat(storage.columns())
                .extracting(ColumnMapping::column, c -> c.type().ddlType(), ColumnMapping::nullable, ColumnMapping::unique)
                .containsExactly(
                        tuple("id", "bigint", false, false),
                        tuple("key", "varchar(50)", false, true),
                        tuple("value", "varchar(50)", false, false));
    }

    @Entity
    static class ParentItem {
        @Id
        Long id;

        String createdAt;
        String nameOfURLHolder;
        String value2;
    }

    @Test
    void tableAndColumnNamesDefaultToSnakeCase() {
        EntityMapping item = Metamodel.of(List.of(ParentItem.class)).entity(ParentItem.class);

        assertThat(item.table()).isEqualTo("parent_item");
        assertThat(item.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "created_at", "name_of_url_holder", "value2");
    }

    @Test
    void entitiesKeepTheOrderTheyWereRegisteredIn() {
        Metamodel metamodel = Metamodel.of(List.of(Storage.class, Child.class, Parent.class));

        assertThat(metamodel.entities()).extracting(EntityMapping::type)
                .containsExactly(Storage.class, Child.class, Parent.class);
        assertThat(metamodel.byTable("child").type()).isEqualTo(Child.class);
    }

    @Entity
    @SequenceGenerator(name = "orders", sequenceName = "order_ids", allocationSize = 20)
    static class SequencedOrder {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders")
        long id;
    }

    @Entity
    static class DefaultSequence {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }

    @Entity
    static class AssignedKey {
        @Id
        String code;
    }

    @Test
    void sequenceIdsTakeTheirNameAndAllocationSizeFromTheGenerator() {
        Metamodel metamodel = Metamodel.of(List.of(SequencedOrder.class, DefaultSequence.class, AssignedKey.class));

        assertThat(metamodel.entity(SequencedOrder.class).idGeneration())
                .isEqualTo(new IdGeneration(IdGeneration.Strategy.SEQUENCE, "order_ids", 20));
        assertThat(metamodel.entity(DefaultSequence.class).idGeneration())
                .isEqualTo(new IdGeneration(IdGeneration.Strategy.SEQUENCE, "default_sequence_id_seq", 50));
        assertThat(metamodel.entity(AssignedKey.class).idGeneration().isGenerated()).isFalse();
    }

    @Entity
    static class Account {
        @Id
        Long id;
    }

    @Entity
    static class Profile {
        @Id
        Long id;

        @OneToOne
        Account account;

        @ManyToOne(optional = false)
        Account owner;

        @ManyToOne
        @JoinColumn(name = "reviewer", nullable = false)
        Account reviewedBy;
    }

    @Test
    void foreignKeysTakeTheTargetsIdTypeAndAreRequiredWhenNotOptional() {
        EntityMapping profile = Metamodel.of(List.of(Account.class, Profile.class)).entity(Profile.class);

        assertThat(profile.columns())
                .extracting(ColumnMapping::column, c -> c.type().ddlType(), ColumnMapping::nullable, ColumnMapping::unique)
                .containsExactly(
                        tuple("id", "bigint", false, false),
                        tuple("account_id", "bigint", true, true),
                        tuple("owner_id", "bigint", false, false),
                        tuple("reviewer", "bigint", false, false));
    }
}
