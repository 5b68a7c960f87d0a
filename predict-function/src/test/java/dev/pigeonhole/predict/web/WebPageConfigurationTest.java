package dev.pigeonhole.predict.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebPageConfigurationTest {

    private final WebPageConfiguration derived = new WebPageConfiguration(null, 8081, null);

    @Test
    void unsetFeedbackUrlIsTheFeedbackPortOnTheHostThePageCameFrom() {
        assertEquals("http://127.0.0.1:8081/feedback", derived.feedbackUrlFor("http", "127.0.0.1:8080"));
        assertEquals("http://localhost:8081/feedback", derived.feedbackUrlFor("http", "localhost:8080"));
        assertEquals("https://box.example:8081/feedback", derived.feedbackUrlFor("https", "box.example"));
        assertEquals("http://[::1]:8081/feedback", derived.feedbackUrlFor("http", "[::1]:8080"));
    }

    @Test
    void withoutAHostHeaderItIsLocalhost() {
        assertEquals("http://localhost:8081/feedback", derived.feedbackUrlFor("http", null));
        assertEquals("http://localhost:9000/feedback", new WebPageConfiguration("  ", 9000, null).feedbackUrlFor("http", ""));
    }

    @Test
    void aConfiguredFeedbackUrlIsUsedAsItIs() {
        WebPageConfiguration configured = new WebPageConfiguration(" https://feedback.example/api/feedback ", 8081, null);

        assertEquals("https://feedback.example/api/feedback", configured.feedbackUrlFor("http", "127.0.0.1:8080"));
    }
}
