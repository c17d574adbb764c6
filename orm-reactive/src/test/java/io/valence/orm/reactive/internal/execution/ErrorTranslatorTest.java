package io.valence.orm.reactive.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.OrmException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The translation table as data: driver exceptions as r2dbc-postgresql raises them (SQLSTATE and
 * message, built with the R2DBC SPI's constructors) and what each becomes. Every message is asserted
 * in full once here; the ITs show the same failures against the database.
 */
class ErrorTranslatorTest {
    @Entity
    static class Mark {
        @Id
        Long id;

        @Column(length = 5)
        String code;

        @Column(length = 5)
        String label;

        @Column(length = 20)
        String batch;
    }

    private final ErrorTranslator translator = new ErrorTranslator(Metamodel.of(List.of(Mark.class)));
    private final SqlStatement insert = new SqlStatement("INSERT INTO \"mark\" (\"code\", \"batch\") SELECT c1, c2 FROM"
            + " unnest($1::varchar[], $2::varchar[]) AS t(c1, c2)", List.of());
    private final SqlStatement select = new SqlStatement("SELECT t0.\"id\" FROM \"mark\" AS t0", List.of());

    @Test
    void aClosedConnectionIsAConnectionLostExceptionSayingToRollBack() {
        var closed = new R2dbcNonTransientResourceException("Cannot exchange messages because the connection is closed",
                "08006");

        Throwable error = translator.translate(closed, insert);

        assertThat(error).isExactlyInstanceOf(ConnectionLostException.class).hasCause(closed)
                .hasMessage("The connection to the database was lost (SQLSTATE 08006): Cannot exchange messages because"
                        + " the connection is closed. The transaction is gone and nothing of it was committed; call"
                        + " rollback(), after which the session continues on a fresh connection.\n  statement: "
                        + insert.sql());
        assertThat(((ConnectionLostException) error).sqlState()).isEqualTo("08006");
        assertThat(((ConnectionLostException) error).sql()).isEqualTo(insert.sql());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "08006, Connection unexpectedly closed",
        "08003, Cannot connect",
        "57P01, terminating connection due to administrator command",
        "57P02, terminating connection due to crash of another server process",
        "57P04, terminating connection due to dropped database",
        "57P05, terminating connection due to idle-session timeout",
        "25P03, terminating connection due to idle-in-transaction timeout"
    })
    void classZeroEightAndTheServerEndingTheSessionAreLostConnections(String sqlState, String message) {
        Throwable error = translator.translate(new R2dbcNonTransientResourceException(message, sqlState), insert);

        assertThat(error).isExactlyInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) error).sqlState()).isEqualTo(sqlState);
    }

    @Test
    void anIoFailureReportedWithoutSqlStateIsALostConnection() {
        var io = new R2dbcTransientResourceException("Connection reset", (String) null, 0, new IOException("Connection reset by peer"));
        var channel = new R2dbcNonTransientResourceException("closed", (String) null, 0,
                new IllegalStateException("write failed", new ClosedChannelException()));

        assertThat(translator.translate(io, insert)).isExactlyInstanceOf(ConnectionLostException.class);
        assertThat(translator.translate(channel, insert)).isExactlyInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) translator.translate(io, insert)).sqlState()).isNull();
    }

    @Test
    void aConnectionLostWhileCommitWasInFlightLeavesTheOutcomeUnknown() {
        var closed = new R2dbcNonTransientResourceException("Connection unexpectedly closed", "08006");

        Throwable error = translator.translateCommit(closed);

        assertThat(error).isExactlyInstanceOf(TransactionOutcomeUnknownException.class).hasCause(closed)
                .hasMessage("The connection to the database was lost while COMMIT was in flight (SQLSTATE 08006):"
                        + " Connection unexpectedly closed. Whether the transaction was committed is unknown: the server"
                        + " may have committed it before the connection broke, or not, so do not take it as rolled back."
                        + " Before retrying it, check in a new session whether its writes are there (read a row it"
                        + " inserted or updated); call rollback() before using this session again");
        assertThat(((TransactionOutcomeUnknownException) error).sqlState()).isEqualTo("08006");
        assertThat(((TransactionOutcomeUnknownException) error).sql()).isEqualTo("COMMIT");
        assertThat(translator.translateCommit(new R2dbcNonTransientResourceException(
                        "terminating connection due to administrator command", "57P01")))
                .isExactlyInstanceOf(TransactionOutcomeUnknownException.class);
    }

    @Test
    void anotherFailureOfCommitIsTranslatedLikeAStatementsFailure() {
        var deferred = new R2dbcDataIntegrityViolationException("duplicate key value violates unique constraint"
                + " \"voucher_code_deferred\"", "23505");
        var serialization = new R2dbcRollbackException("could not serialize access due to concurrent update", "40001");

        assertThat(translator.translateCommit(deferred)).isExactlyInstanceOf(ConstraintViolationException.class)
                .hasMessageEndingWith("\n  statement: COMMIT");
        assertThat(translator.translateCommit(serialization)).isExactlyInstanceOf(OrmException.class).hasCause(serialization);
    }

    @Test
    void aStatementTimeoutIsAStatementTimeoutException() {
        var cancelled = new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014");

        Throwable error = translator.translate(cancelled, insert);

        assertThat(error).isExactlyInstanceOf(StatementTimeoutException.class).hasCause(cancelled)
                .hasMessage("A statement was cancelled by the database (SQLSTATE 57014): canceling statement due to"
                        + " statement timeout. It ran past statement_timeout, or a cancel request stopped it, and"
                        + " PostgreSQL aborted the transaction; call rollback(), then retry, or raise the limit"
                        + " (SessionFactory.Builder.statementTimeout).\n  statement: " + insert.sql());
        StatementTimeoutException timeout = (StatementTimeoutException) error;
        assertThat(timeout.sqlState()).isEqualTo("57014");
        assertThat(timeout.isLockTimeout()).isFalse();
        assertThat(timeout.sql()).isEqualTo(insert.sql());
    }

    @Test
    void aLockTimeoutIsAStatementTimeoutExceptionToo() {
        var lock = new R2dbcNonTransientResourceException("canceling statement due to lock timeout", "55P03");

        Throwable error = translator.translate(lock, insert);

        assertThat(error).isExactlyInstanceOf(StatementTimeoutException.class)
                .hasMessage("A statement gave up waiting for a lock (SQLSTATE 55P03): canceling statement due to lock"
                        + " timeout. Another transaction holds a lock on a row or table it needs, and PostgreSQL aborted"
                        + " the transaction; call rollback(), then retry, or raise the limit"
                        + " (SessionFactory.Builder.lockTimeout).\n  statement: " + insert.sql());
        assertThat(((StatementTimeoutException) error).isLockTimeout()).isTrue();
    }

    @Test
    void aValueTooLongNamesTheTableAndTheOnlyWrittenColumnOfThatLength() {
        var tooLong = new R2dbcBadGrammarException("value too long for type character varying(5)", "22001");

        Throwable error = translator.translate(tooLong, insert);

        assertThat(error).isExactlyInstanceOf(DataException.class).hasCause(tooLong)
                .hasMessage("A value is too long for its column (SQLSTATE 22001): value too long for type character"
                        + " varying(5), on table \"mark\" (Mark.code). PostgreSQL aborted the transaction; call"
                        + " rollback(), then shorten the value, or lengthen the column (@Column(length) and the column's"
                        + " type in the database).\n  statement: " + insert.sql());
        DataException data = (DataException) error;
        assertThat(data.sqlState()).isEqualTo("22001");
        assertThat(data.entityName()).isEqualTo("Mark");
        assertThat(data.property()).isEqualTo("code");
        assertThat(data.sql()).isEqualTo(insert.sql());
    }

    @Test
    void aValueTooLongForOneOfSeveralColumnsOfThatLengthNamesThemAllButNoProperty() {
        SqlStatement update = new SqlStatement("UPDATE \"mark\" AS t SET \"code\" = v.c1, \"label\" = v.c2 FROM"
                + " unnest($1::bigint[], $2::varchar[], $3::varchar[]) AS v(k, c1, c2) WHERE t.\"id\" = v.k", List.of());

        Throwable error = translator.translate(
                new R2dbcBadGrammarException("value too long for type character varying(5)", "22001"), update);

        assertThat(error).hasMessageContaining("on table \"mark\" (Mark.code or Mark.label)");
        assertThat(((DataException) error).entityName()).isEqualTo("Mark");
        assertThat(((DataException) error).property()).isNull();
    }

    @Test
    void aNulByteRejectedByTheDatabaseSaysItIsNotAllowedInText() {
        var nul = new R2dbcBadGrammarException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        Throwable error = translator.translate(nul, insert);

        assertThat(error).isExactlyInstanceOf(DataException.class)
                .hasMessage("A text value holds a character PostgreSQL does not accept (SQLSTATE 22021): invalid byte"
                        + " sequence for encoding \"UTF8\": 0x00, on table \"mark\" (entity Mark); a NUL character"
                        + " (U+0000) is not allowed in text. PostgreSQL aborted the transaction; call rollback(), then"
                        + " remove the character from the value, or map binary content as byte[].\n  statement: "
                        + insert.sql());
        assertThat(((DataException) error).sqlState()).isEqualTo("22021");
        assertThat(((DataException) error).entityName()).isEqualTo("Mark");
    }

    @Test
    void anyOtherValueTheDatabaseRejectsIsADataException() {
        var overflow = new R2dbcBadGrammarException("numeric field overflow", "22003");

        Throwable error = translator.translate(overflow, select);

        assertThat(error).isExactlyInstanceOf(DataException.class)
                .hasMessage("The database rejected a value (SQLSTATE 22003): numeric field overflow. PostgreSQL aborted"
                        + " the transaction; call rollback(), then correct the value.\n  statement: " + select.sql());
        assertThat(((DataException) error).entityName()).as("a query names no target table").isNull();
        assertThat(translator.translate(new R2dbcBadGrammarException("date/time field value out of range", "22008"),
                insert)).isExactlyInstanceOf(DataException.class).hasMessageContaining("on table \"mark\" (entity Mark)");
    }

    @Test
    void aConstraintViolationNamesTableConstraintAndEntity() {
        var duplicate = new R2dbcDataIntegrityViolationException(
                "duplicate key value violates unique constraint \"mark_code_key\"", "23505");

        Throwable error = translator.translate(duplicate, insert);

        assertThat(error).isExactlyInstanceOf(ConstraintViolationException.class)
                .hasMessage("A unique constraint rejected a write to table \"mark\" (entity Mark): constraint"
                        + " \"mark_code_key\" — duplicate key value violates unique constraint \"mark_code_key\". What"
                        + " to do: another row already holds that value; load that row instead (getOrCreate/updateOrCreate"
                        + " do this race-safely) or change the value.\n  statement: " + insert.sql());
        ConstraintViolationException violation = (ConstraintViolationException) error;
        assertThat(violation.table()).isEqualTo("mark");
        assertThat(violation.constraint()).isEqualTo("mark_code_key");
        assertThat(violation.entityType()).isEqualTo("Mark");
        assertThat(violation.sqlState()).isEqualTo("23505");
        assertThat(violation.isUniqueViolation()).isTrue();
    }

    @Test
    void anotherRejectionKeepsTheServersWordsAndTheStatement() {
        var syntax = new R2dbcBadGrammarException("syntax error at or near \"VALUE\"", "42601");

        Throwable error = translator.translate(syntax, insert);

        assertThat(error).isExactlyInstanceOf(OrmException.class).hasCause(syntax)
                .hasMessage("The database rejected a statement (SQLSTATE 42601): syntax error at or near \"VALUE\"."
                        + " PostgreSQL aborted the transaction, if one was open; call rollback() before using the"
                        + " session again.\n  statement: " + insert.sql());
    }

    @Test
    void errorsThatAreAlreadyValencesOrNotTheDriversPassUnchanged() {
        OrmException own = new OrmException("already translated");
        IllegalStateException mapper = new IllegalStateException("The database holds 'X', which is not a constant");

        assertThat(translator.translate(own, insert)).isSameAs(own);
        assertThat(translator.translate(mapper, insert)).isSameAs(mapper);
        assertThat(translator.translateCommit(own)).isSameAs(own);
    }
}
