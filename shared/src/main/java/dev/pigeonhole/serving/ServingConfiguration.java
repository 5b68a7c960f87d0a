package dev.pigeonhole.serving;

import dev.pigeonhole.store.StoreLocation;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/** Which store and channel the function serves ({@code pigeonhole.store}, {@code pigeonhole.channel}). */
@ConfigurationProperties("pigeonhole")
public record ServingConfiguration(@Nullable String store, @Bindable(defaultValue = "production") String channel) {

    /** The store spec, falling back to the local default when unset or blank (as the CLI does). */
    public String storeSpec() {
        return store == null || store.isBlank() ? StoreLocation.DEFAULT : store.strip();
    }
}
