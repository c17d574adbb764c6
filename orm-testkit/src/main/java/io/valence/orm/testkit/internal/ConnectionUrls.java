package io.valence.orm.testkit.internal;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Writes {@code r2dbc:postgresql://} URLs from connection options, and hides passwords in URLs for messages. */
public final class ConnectionUrls {

    private ConnectionUrls() {}

    /**
     * The URL for host, port, user, password and database of the options; other options are not carried.
     *
     * @param options options with at least a host
     * @return an {@code r2dbc:postgresql://user:password@host:port/database} URL
     */
    public static String of(ConnectionFactoryOptions options) {
        StringBuilder url = new StringBuilder("r2dbc:postgresql://");
        Object user = options.getValue(USER);
        if (user != null) {
            url.append(encode(user.toString()));
            Object password = options.getValue(PASSWORD);
            if (password != null) {
                url.append(':').append(encode(password.toString()));
            }
            url.append('@');
        }
        url.append(options.getRequiredValue(HOST));
        Object port = options.getValue(PORT);
        if (port != null) {
            url.append(':').append(port);
        }
        Object database = options.getValue(DATABASE);
        if (database != null) {
            url.append('/').append(encode(database.toString()));
        }
        return url.toString();
    }

    /**
     * The URL with any password replaced by {@code ***}.
     *
     * @param url an r2dbc URL
     * @return the same URL, safe to log
     */
    public static String redact(String url) {
        return url.replaceFirst("(//[^/:@]*):[^@/]*@", "$1:***@");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
