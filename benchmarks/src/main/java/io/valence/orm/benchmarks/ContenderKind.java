package io.valence.orm.benchmarks;

import java.util.Arrays;

/** The libraries measured, by the id that JMH's {@code contender} parameter uses. */
public enum ContenderKind {
    /** r2dbc-postgresql and r2dbc-pool with hand-written SQL: the floor every ratio is taken against. */
    RAW("raw", "raw R2DBC", true),
    /** Valence, written as its users would. */
    VALENCE("valence", "Valence", true),
    /** Hibernate Reactive (Mutiny API) on the Vert.x PostgreSQL client. */
    HIBERNATE("hibernate", "Hibernate Reactive", false),
    /** Spring Data R2DBC's {@code R2dbcEntityTemplate} on r2dbc-pool. */
    SPRING("spring", "Spring Data R2DBC", true);

    private final String id;
    private final String displayName;
    private final boolean r2dbc;

    ContenderKind(String id, String displayName, boolean r2dbc) {
        this.id = id;
        this.displayName = displayName;
        this.r2dbc = r2dbc;
    }

    /**
     * The contender whose {@link #id()} is {@code id}.
     *
     * @param id a JMH {@code contender} parameter value
     * @return the contender
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static ContenderKind of(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown contender '" + id + "'; known: " + Arrays.toString(ids())));
    }

    private static String[] ids() {
        return Arrays.stream(values()).map(ContenderKind::id).toArray(String[]::new);
    }

    /**
     * The value of JMH's {@code contender} parameter.
     *
     * @return e.g. {@code raw}
     */
    public String id() {
        return id;
    }

    /**
     * The name the report shows.
     *
     * @return e.g. {@code raw R2DBC}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Whether it talks to PostgreSQL through an R2DBC {@code ConnectionFactory}, so that r2dbc-proxy
     * can count its statements.
     *
     * @return true for raw R2DBC, Valence and Spring Data R2DBC
     */
    public boolean usesR2dbc() {
        return r2dbc;
    }
}
