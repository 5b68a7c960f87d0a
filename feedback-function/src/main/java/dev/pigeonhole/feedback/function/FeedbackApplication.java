package dev.pigeonhole.feedback.function;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the feedback function as a plain HTTP server ({@code java -jar}). */
@OpenAPIDefinition(info = @Info(title = "Pigeonhole feedback", version = "1",
        description = "Records corrections of predictions, reports wrong ones and requests retraining every k feedbacks."))
public final class FeedbackApplication {

    private FeedbackApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(FeedbackApplication.class, args);
    }
}
