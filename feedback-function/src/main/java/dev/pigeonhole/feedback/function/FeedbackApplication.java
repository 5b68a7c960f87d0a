package dev.pigeonhole.feedback.function;

import dev.pigeonhole.http.HealthController;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the feedback function as a plain HTTP server ({@code java -jar}). */
@OpenAPIInclude(classes = HealthController.class)
@OpenAPIDefinition(info = @Info(title = "Pigeonhole feedback", version = "1",
        description = "Records corrections of predictions, reports wrong ones and requests retraining every k feedbacks."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key",
        description = "An API key (./pigeonhole keys create), required: 401 without one, 403 with a wrong one.")
public final class FeedbackApplication {

    private FeedbackApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(FeedbackApplication.class, args);
    }
}
