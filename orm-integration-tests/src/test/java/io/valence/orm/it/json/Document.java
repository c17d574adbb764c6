package io.valence.orm.it.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;

/** JSON columns of several shapes: a Map, a List of records, a JsonNode (json, not jsonb), a record. */
@Entity
public class Document {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Column(columnDefinition = "jsonb")
    public Map<String, Object> attributes;

    @Column(columnDefinition = "jsonb")
    public List<Tag> tags;

    @Column(columnDefinition = "json")
    public JsonNode raw;

    @Column(columnDefinition = "jsonb")
    public Dimensions dimensions;

    /**
     * A tag of a document.
     *
     * @param name its name
     * @param tagWeight its weight, written as tag_weight by the test's snake-case ObjectMapper
     */
    public record Tag(String name, int tagWeight) {}

    /**
     * A document's page size: a record of immutable values, compared by equals.
     *
     * @param width the width
     * @param height the height
     * @param unit the unit
     */
    public record Dimensions(int width, int height, String unit) {}

    protected Document() {}

    public Document(String title) {
        this.title = title;
    }
}
