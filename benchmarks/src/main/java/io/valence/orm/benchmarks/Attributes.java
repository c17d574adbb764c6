package io.valence.orm.benchmarks;

/**
 * The small JSON document every parent of the rich model (W8, W9) carries in its {@code jsonb}
 * column; raw R2DBC and Valence write and read it with the same Jackson {@code ObjectMapper}
 * ({@link RichGraphData#objectMapper()}).
 *
 * @param color a short text
 * @param rank a number
 * @param featured a flag
 */
public record Attributes(String color, int rank, boolean featured) {}
