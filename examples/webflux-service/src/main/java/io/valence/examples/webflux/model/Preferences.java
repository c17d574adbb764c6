package io.valence.examples.webflux.model;

import java.util.Map;

/**
 * A customer's preferences, stored as one jsonb document written and read by the application's
 * {@code ObjectMapper}.
 *
 * @param newsletter whether the customer gets the newsletter
 * @param theme the UI theme
 * @param extras anything else, by name
 */
public record Preferences(boolean newsletter, String theme, Map<String, String> extras) {}
