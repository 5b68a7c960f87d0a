package dev.pigeonhole.serving;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** Loads the served model while the application starts, so the first request does not pay for it (or only the rest of it). */
@Factory
final class ServedModelFactory {

    @Context
    CurrentModel currentModel(ServingConfiguration configuration) {
        return new CurrentModel(ServedModelPreload.take(configuration.storeSpec(), configuration.channel(),
                configuration.manifestOnly()));
    }
}
