package io.valence.orm.reactive.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How driver errors read once translated; constraint violations are covered against the database by the ITs. */
class ErrorTranslatorTest {
    private final ErrorTranslator translator = new ErrorTranslator(Metamodel.of(List.of()));
    private final SqlStatement insert = new SqlStatement("INSERT INTO \"mark\" (\"batch\") VALUES ($1)", List.of());

    @Test
    void aClosedConnectionIsReportedAsLost() {
        Throwable error = translator.translate(
                new R2dbcNonTransientResourceException("Cannot exchange messages because the connection is closed", "08006"),
                insert);

        assertThat(error).hasMessageStartingWith("The connection to the database was lost (SQLSTATE 08006): Cannot"
                + " exchange messages because the connection is closed. The transaction is gone and nothing of it was"
                + " committed; call rollback(), after which the session continues on a fresh connection.");
    }

    @Test
    void theServerEndingTheSessionIsReportedAsALostConnectionToo() {
        // what a statement meets when the driver reads the server's FATAL before it sees the socket close
        Throwable error = translator.translate(
                new R2dbcNonTransientResourceException("terminating connection due to administrator command", "57P01"),
                insert);

        assertThat(error).hasMessageStartingWith("The connection to the database was lost (SQLSTATE 57P01):"
                + " terminating connection due to administrator command. The transaction is gone")
                .hasMessageContaining("statement: INSERT INTO \"mark\"");
    }

    @Test
    void anotherRejectionKeepsTheServersWords() {
        Throwable error = translator.translate(new R2dbcBadGrammarException("syntax error at or near \"VALUE\"", "42601"),
                insert);

        assertThat(error).hasMessageStartingWith("The database rejected a statement (SQLSTATE 42601): syntax error");
    }
}
