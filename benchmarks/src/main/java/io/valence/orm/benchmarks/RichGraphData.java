package io.valence.orm.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of the rich model (W8, W9): the parent/child graph of {@link GraphData}, and for
 * parent {@code i} an address ({@code "<i> Main Street"}, {@code city-<i % 100>}, {@code i} as five
 * digits) and {@link Attributes} ({@code color-<i % 7>}, {@code i}, whether {@code i} is even),
 * the same values {@link BenchmarkDatabase#seedRichGraph(Sizes)} writes.
 *
 * @param graph the parents' values and their children's
 * @param streets each parent's street, parallel to the graph's parents
 * @param cities each parent's city
 * @param postalCodes each parent's postal code
 * @param attributes each parent's JSON document
 */
public record RichGraphData(
        GraphData graph, List<String> streets, List<String> cities, List<String> postalCodes, List<Attributes> attributes) {

    /**
     * Copies the lists.
     *
     * @param graph the graph
     * @param streets streets
     * @param cities cities
     * @param postalCodes postal codes
     * @param attributes JSON documents
     */
    public RichGraphData {
        streets = List.copyOf(streets);
        cities = List.copyOf(cities);
        postalCodes = List.copyOf(postalCodes);
        attributes = List.copyOf(attributes);
        int parents = graph.parentCount();
        if (streets.size() != parents || cities.size() != parents || postalCodes.size() != parents
                || attributes.size() != parents) {
            throw new IllegalArgumentException("one address and one attributes document per parent");
        }
    }

    /**
     * The rich graph of {@code sizes}.
     *
     * @param sizes how many parents and children per parent
     * @return the values
     */
    public static RichGraphData of(Sizes sizes) {
        List<String> streets = new ArrayList<>(sizes.parents());
        List<String> cities = new ArrayList<>(sizes.parents());
        List<String> postalCodes = new ArrayList<>(sizes.parents());
        List<Attributes> attributes = new ArrayList<>(sizes.parents());
        for (int parent = 1; parent <= sizes.parents(); parent++) {
            streets.add(parent + " Main Street");
            cities.add("city-" + parent % 100);
            postalCodes.add(String.format("%05d", parent));
            attributes.add(new Attributes("color-" + parent % 7, parent, parent % 2 == 0));
        }
        return new RichGraphData(GraphData.of(sizes), streets, cities, postalCodes, attributes);
    }

    /**
     * The Jackson mapper raw R2DBC uses and Valence is built with (Jackson's defaults), so that
     * both write and read the JSON column alike.
     *
     * @return a new mapper
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper();
    }
}
