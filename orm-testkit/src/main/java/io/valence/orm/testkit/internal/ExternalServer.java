package io.valence.orm.testkit.internal;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.testkit.DatabaseProvider;

/** A server someone else runs, named by an {@code r2dbc:postgresql://} URL; closing it does nothing. */
final class ExternalServer implements PostgresServer {

    private final ConnectionFactoryOptions adminOptions;

    private ExternalServer(ConnectionFactoryOptions adminOptions) {
        this.adminOptions = adminOptions;
    }

    /** Parses and checks the URL; the database defaults to {@code postgres}. */
    static ExternalServer of(String url) {
        ConnectionFactoryOptions parsed;
        try {
            parsed = ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(invalidUrl(url, e.getMessage()), e);
        }
        if (!"postgresql".equals(parsed.getValue(DRIVER)) || parsed.getValue(HOST) == null) {
            throw new IllegalArgumentException(invalidUrl(url, "the driver must be postgresql and a host is required"));
        }
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder().from(parsed);
        if (parsed.getValue(DATABASE) == null) {
            builder.option(DATABASE, "postgres");
        }
        return new ExternalServer(builder.build());
    }

    private static String invalidUrl(String url, String why) {
        return "The test database URL " + ConnectionUrls.redact(url) + " (from " + ProviderSelector.URL_VARIABLE
                + " or -D" + ProviderSelector.URL_PROPERTY + ") cannot be used: " + why
                + ". Use the form r2dbc:postgresql://user:password@host:5432/database.";
    }

    @Override
    public DatabaseProvider provider() {
        return DatabaseProvider.URL;
    }

    @Override
    public ConnectionFactoryOptions adminOptions() {
        return adminOptions;
    }

    @Override
    public String description() {
        return adminOptions.getValue(HOST) + ":" + portOrDefault() + "/" + adminOptions.getValue(DATABASE);
    }

    private Object portOrDefault() {
        Object port = adminOptions.getValue(PORT);
        return port == null ? 5432 : port;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
