package dev.pigeonhole.predict;

import dev.pigeonhole.serving.ServedModelPreload;
import dev.pigeonhole.store.StoreLocation;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the predict function as a plain HTTP server ({@code java -jar}). */
@OpenAPIDefinition(info = @Info(title = "Pigeonhole predict", version = "1",
        description = "Files texts and documents into the categories of the served model."))
public final class PredictApplication {

    private PredictApplication() {
    }

    public static void main(String[] args) {
        ServedModelPreload.start(StoreLocation.fromEnvironment(),
                System.getenv().getOrDefault("PIGEONHOLE_CHANNEL", "production"));
        Micronaut.run(PredictApplication.class, args);
    }
}
