package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.DatabaseProvider;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link ProviderSelector#select()}: which provider, the URL when it is
 * {@link DatabaseProvider#URL}, and a sentence saying why, for the start-up log.
 *
 * @param provider the chosen provider
 * @param url the r2dbc URL, present exactly when {@code provider} is {@link DatabaseProvider#URL}
 * @param reason why this provider was chosen
 */
public record ProviderSelection(DatabaseProvider provider, @Nullable String url, String reason) {

    /**
     * Checks that a URL comes with the URL provider and only with it.
     *
     * @param provider the chosen provider
     * @param url the URL, exactly when the provider is URL
     * @param reason why
     */
    public ProviderSelection {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
        if ((provider == DatabaseProvider.URL) != (url != null)) {
            throw new IllegalArgumentException("a URL goes with the URL provider only: " + provider + ", " + url);
        }
    }
}
