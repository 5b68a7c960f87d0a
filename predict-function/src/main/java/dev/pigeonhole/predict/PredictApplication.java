package dev.pigeonhole.predict;

import dev.pigeonhole.http.HealthController;
import dev.pigeonhole.serving.ServedModelPreload;
import dev.pigeonhole.store.StoreLocation;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the predict function as a plain HTTP server ({@code java -jar}). */
@OpenAPIInclude(classes = HealthController.class)
@OpenAPIDefinition(info = @Info(title = "Pigeonhole predict", version = "1",
        description = "Files texts and documents into the categories of the served model."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key",
        description = "An API key (./pigeonhole keys create). Optional for predictions unless pigeonhole.predict.require-api-key is set; a wrong key is refused with 403.")
public final class PredictApplication {

    private PredictApplication() {
    }

    public static void main(String[] args) {
        ServedModelPreload.start(StoreLocation.fromEnvironment(),
                System.getenv().getOrDefault("PIGEONHOLE_CHANNEL", "production"));
        Micronaut.run(PredictApplication.class, args);
    }
}
