package io.valence.orm.testkit.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique database names built from a readable hint, and identifier quoting. Names carry a
 * random part because several JVMs may share one server (the URL provider).
 */
public final class DatabaseNames {

    private static final int MAX_HINT_LENGTH = 32;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseNames() {}

    /**
     * A fresh name such as {@code valence_orderit_3_9f2c1a}: lower case, at most 63 bytes.
     *
     * @param hint what the database is for (a test class name); any characters
     * @return a name no other call in any JVM is likely to return
     */
    public static String unique(String hint) {
        String readable = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (readable.length() > MAX_HINT_LENGTH) {
            readable = readable.substring(0, MAX_HINT_LENGTH).replaceAll("_+$", "");
        }
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return "valence_" + (readable.isEmpty() ? "db" : readable) + "_" + COUNTER.incrementAndGet() + "_"
                + HexFormat.of().formatHex(random);
    }

    /**
     * The identifier in double quotes, embedded quotes doubled, as PostgreSQL expects.
     *
     * @param identifier any identifier
     * @return the quoted identifier
     */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
