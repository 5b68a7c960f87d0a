package dev.pigeonhole.feedback.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pigeonhole.serving.ServingConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDefaultsTest {

    @TempDir
    Path store;

    @Test
    void serverPortStoreChannelAndKFollowTheEnvironmentContract() {
        // Without the deduced "test" environment, whose application-test.yml picks a random port.
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertEquals(Integer.parseInt(environment("FEEDBACK_PORT", "8081")),
                    context.getRequiredProperty("micronaut.server.port", Integer.class));
            ServingConfiguration serving = context.getBean(ServingConfiguration.class);
            assertEquals(environment("PIGEONHOLE_STORE", "file:.pigeonhole/store"), serving.storeSpec());
            assertEquals(environment("PIGEONHOLE_CHANNEL", "production"), serving.channel());
            assertEquals(Integer.parseInt(environment("PIGEONHOLE_REFRESH_SECONDS", "0")), serving.refreshSeconds());
            assertEquals(Integer.parseInt(environment("PIGEONHOLE_RETRAIN_EVERY", "100")),
                    context.getBean(FeedbackConfiguration.class).retrainEvery());
        }
    }

    @Test
    void theBodyLimitIsOneMebibyteAndCapsTheWholeServer() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            assertEquals(1024 * 1024, context.getBean(FeedbackConfiguration.class).maxBodyBytes());
            assertEquals(1024 * 1024, context.getBean(HttpServerConfiguration.class).getMaxRequestSize());
        }
    }

    @Test
    void corsAllowsPostsFromThePredictPageByDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            String port = environment("PREDICT_PORT", "8080");
            CorsOriginConfiguration page = predictPage(context);
            assertEquals(List.of("http://localhost:" + port, "http://127.0.0.1:" + port), page.getAllowedOrigins());
            assertEquals("[POST]", page.getAllowedMethods().toString());
        }
    }

    @Test
    void corsOriginsComeFromTheFeedbackAllowedOriginsWhenSet() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store,
                "pigeonhole.feedback.allowed-origins", "https://pigeonhole.example,https://staging.pigeonhole.example"))) {
            assertEquals(List.of("https://pigeonhole.example", "https://staging.pigeonhole.example"),
                    predictPage(context).getAllowedOrigins());
        }
    }

    private static CorsOriginConfiguration predictPage(ApplicationContext context) {
        return context.getBean(HttpServerConfiguration.class).getCors().getConfigurations().get("predict-page");
    }

    @Test
    void theServerListensOnLoopbackUnlessPigeonholeBindSaysOtherwise() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertEquals(environment("PIGEONHOLE_BIND", "127.0.0.1"),
                    context.getBean(io.micronaut.http.server.HttpServerConfiguration.class).getHost().orElse("all interfaces"));
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
