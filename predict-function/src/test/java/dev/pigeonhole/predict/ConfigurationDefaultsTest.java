package dev.pigeonhole.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.predict.web.WebPageConfiguration;
import dev.pigeonhole.serving.ServingConfiguration;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDefaultsTest {

    @TempDir
    Path store;

    @Test
    void serverPortStoreAndChannelFollowTheEnvironmentContract() {
        // Without the deduced "test" environment, whose application-test.yml picks a random port.
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertEquals(Integer.parseInt(environment("PREDICT_PORT", "8080")),
                    context.getRequiredProperty("micronaut.server.port", Integer.class));
            ServingConfiguration serving = context.getBean(ServingConfiguration.class);
            assertEquals(environment("PIGEONHOLE_STORE", "file:.pigeonhole/store"), serving.storeSpec());
            assertEquals(environment("PIGEONHOLE_CHANNEL", "production"), serving.channel());
            assertEquals(Integer.parseInt(environment("PIGEONHOLE_REFRESH_SECONDS", "0")), serving.refreshSeconds());
        }
    }

    @Test
    void uploadAndPredictLimitsDefaultToTheDocumentedValues() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            assertEquals(new UploadLimits(10L * 1024 * 1024, 200, 1_000_000, Duration.ofSeconds(10), 0, 32),
                    context.getBean(UploadLimits.class));
            assertEquals(new PredictLimits(1024 * 1024, 100), context.getBean(PredictLimits.class));
        }
    }

    @Test
    void serverBodyLimitsLeaveRoomForTheLargestUploadAndNoMore() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            long uploadBytes = context.getBean(UploadLimits.class).maxBytes();
            long requestBytes = context.getRequiredProperty("micronaut.server.max-request-size", Long.class);
            long fileBytes = context.getRequiredProperty("micronaut.server.multipart.max-file-size", Long.class);

            assertEquals(uploadBytes, fileBytes);
            assertTrue(requestBytes > uploadBytes && requestBytes <= uploadBytes + 64 * 1024, "max-request-size " + requestBytes);
            assertTrue(context.getBean(PredictLimits.class).maxBodyBytes() < requestBytes);
        }
    }

    @Test
    void thePageSendsFeedbackToFeedbackPortUnlessAUrlIsConfigured() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            WebPageConfiguration web = context.getBean(WebPageConfiguration.class);
            assertEquals(Integer.parseInt(environment("FEEDBACK_PORT", "8081")), web.feedbackPort());
            assertEquals(System.getenv("PIGEONHOLE_WEB_FEEDBACK_URL"), web.feedbackUrl());
        }
    }

    @Test
    void aBlankStoreFallsBackToTheLocalDefault() {
        assertEquals("file:.pigeonhole/store", new ServingConfiguration("  ", "production", 0, false).storeSpec());
        assertEquals("file:/srv/store", new ServingConfiguration(" file:/srv/store ", "production", 0, false).storeSpec());
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
