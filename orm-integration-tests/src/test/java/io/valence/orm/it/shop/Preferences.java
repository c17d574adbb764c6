package io.valence.orm.it.shop;

import java.util.Map;

/**
 * A customer's preferences, stored as one jsonb document.
 *
 * @param newsletter whether the customer gets the newsletter
 * @param theme the UI theme
 * @param extras anything else, by name
 */
public record Preferences(boolean newsletter, String theme, Map<String, String> extras) {}
