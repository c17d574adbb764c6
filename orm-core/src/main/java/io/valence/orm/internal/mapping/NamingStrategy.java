package io.valence.orm.internal.mapping;

import java.util.Locale;

/** Default table and column names: snake_case of the class and field names, as Django and most schemas use. */
final class NamingStrategy {
    private NamingStrategy() {}

    static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 8);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1)) && javaName.charAt(i - 1) != '_';
                boolean acronymEnds = i > 0 && i + 1 < javaName.length() && Character.isUpperCase(javaName.charAt(i - 1))
                        && Character.isLowerCase(javaName.charAt(i + 1));
                if (previousLower || acronymEnds) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
