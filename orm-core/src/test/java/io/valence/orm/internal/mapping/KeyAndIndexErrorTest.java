package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One test per problem with keys, versions, sequences and declared indexes, each asserting the full message. */
class KeyAndIndexErrorTest {

    @Entity
    static class Measurement {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        String code;

        @Version
        Instant version;
    }

    @Test
    void generatedNonIntegralIdAndNonIntegralVersionAreReported() {
        assertThat(MappingProblems.of(Measurement.class)).containsExactly(
                "Measurement.code is @GeneratedValue but has type String; generated ids must be long, int or short:"
                        + " use one of those, or assign the id yourself",
                "Measurement.version is @Version but has type Instant; use long, int or short (or"
                        + " Long/Integer/Short)");
    }

    @Entity
    static class Reading {
        @Id
        double value;
    }

    @Test
    void idOfUnsupportedTypeNamesTheSupportedKeyTypes() {
        assertThat(MappingProblems.of(Reading.class)).containsExactly(
                "Reading.value is the @Id but has type double; ids must be long, int, short, String or UUID");
    }

    @Entity
    static class Tabled {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE)
        Long id;
    }

    @Test
    void unsupportedGenerationStrategyNamesTheSupportedOnes() {
        assertThat(MappingProblems.of(Tabled.class)).containsExactly(
                "Tabled.id uses @GeneratedValue(strategy = TABLE), which Valence does not support; use IDENTITY,"
                        + " SEQUENCE or UUID");
    }

    @Entity
    static class Ticket {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
        Long id;
    }

    @Test
    void unknownGeneratorNameSaysWhereToDeclareIt() {
        assertThat(MappingProblems.of(Ticket.class)).containsExactly(
                "Ticket.id names generator \"tickets\", but no @SequenceGenerator(name = \"tickets\") is on the field"
                        + " or the class; declare it there");
    }

    @Entity
    static class Batch {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        @SequenceGenerator(name = "batches", allocationSize = 0)
        Long id;
    }

    @Test
    void allocationSizeBelowOneIsReported() {
        assertThat(MappingProblems.of(Batch.class)).containsExactly(
                "Batch.id uses @SequenceGenerator(allocationSize = 0); the sequence increment must be at least 1: use"
                        + " 1 to fetch one id per call, or more to reserve ids in blocks");
    }

    @Entity
    static class Invoice {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        @SequenceGenerator(name = "ids", sequenceName = "document_ids", allocationSize = 10)
        Long id;
    }

    @Entity
    static class Receipt {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        @SequenceGenerator(name = "ids", sequenceName = "document_ids", allocationSize = 20)
        Long number;
    }

    @Test
    void sharedSequenceWithDifferentAllocationSizesIsReported() {
        assertThat(MappingProblems.of(Invoice.class, Receipt.class)).containsExactly(
                "Receipt.number and Invoice.id share sequence \"document_ids\" with different allocationSize (20 and"
                        + " 10); one sequence has one increment: use the same allocationSize, or give each its own"
                        + " sequenceName");
    }

    @Entity
    @Table(indexes = {@Index(columnList = "createdAt"), @Index(columnList = "created_at DESC"),
        @Index(columnList = "missing"), @Index(name = "empty", columnList = " ")})
    static class Event {
        @Id
        Long id;

        Instant createdAt;
    }

    @Test
    void declaredIndexesOnFieldNamesOrderingsOrUnknownColumnsSayWhatToWrite() {
        assertThat(MappingProblems.of(Event.class)).containsExactly(
                "Event declares @Index on \"createdAt\", which is a field name; indexes list column names: write"
                        + " \"created_at\"",
                "Event declares @Index with \"created_at DESC\"; ordering and options in an index's column list are"
                        + " not supported: list plain column names (\"created_at\")",
                "Event declares @Index on column \"missing\", which Event does not have; use one of its columns [id,"
                        + " created_at]",
                "Event declares @Index \"empty\" without columns; list the column names, e.g. columnList ="
                        + " \"parent_id, value\"");
    }

    @Entity
    @Table(uniqueConstraints = @UniqueConstraint(name = "code_key", columnNames = "code"))
    static class Product {
        @Id
        Long id;

        String code;
    }

    @Entity
    @Table(indexes = @Index(name = "code_key", columnList = "code"))
    static class Coupon {
        @Id
        Long id;

        String code;
    }

    @Test
    void indexNameDeclaredTwiceIsReported() {
        assertThat(MappingProblems.of(Product.class, Coupon.class)).containsExactly(
                "Coupon and Product both declare an index or unique constraint named \"code_key\" more than once;"
                        + " PostgreSQL needs these names unique per schema: rename one in"
                        + " @Table(indexes/uniqueConstraints)");
    }
}
