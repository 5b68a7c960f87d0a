package dev.pigeonhole.serving;

import dev.pigeonhole.store.StoreLocation;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which store and channel the function serves ({@code pigeonhole.store}, {@code pigeonhole.channel}), and how often
 * a warm instance checks the channel for a new version ({@code pigeonhole.refresh-seconds}, 0 = only at cold start),
 * and whether the function needs only the version's manifest ({@code pigeonhole.manifest-only}: the feedback function
 * checks labels against it and never decodes the model).
 */
@ConfigurationProperties("pigeonhole")
public record ServingConfiguration(@Nullable String store,
                                   @Bindable(defaultValue = "production") String channel,
                                   @Bindable(defaultValue = "0") int refreshSeconds,
                                   @Bindable(defaultValue = "false") boolean manifestOnly) {

    public ServingConfiguration {
        if (refreshSeconds < 0) {
            throw new IllegalArgumentException("pigeonhole.refresh-seconds (PIGEONHOLE_REFRESH_SECONDS) is "
                    + refreshSeconds + ": use 0 to serve the cold-start version, or the seconds between checks");
        }
    }

    /** The store spec, falling back to the local default when unset or blank (as the CLI does). */
    public String storeSpec() {
        return store == null || store.isBlank() ? StoreLocation.DEFAULT : store.strip();
    }
}
