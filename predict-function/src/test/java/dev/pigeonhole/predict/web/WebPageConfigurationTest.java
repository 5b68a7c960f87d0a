package dev.pigeonhole.predict.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebPageConfigurationTest {

    private final WebPageConfiguration derived = new WebPageConfiguration(null, 8081, null, null);

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
        assertEquals("http://localhost:9000/feedback", new WebPageConfiguration("  ", 9000, null, null).feedbackUrlFor("http", ""));
    }

    @Test
    void aConfiguredFeedbackUrlIsUsedAsItIs() {
        WebPageConfiguration configured = new WebPageConfiguration(" https://feedback.example/api/feedback ", 8081, null, null);

        assertEquals("https://feedback.example/api/feedback", configured.feedbackUrlFor("http", "127.0.0.1:8080"));
    }

    @Test
    void theKeyGoesOnlyToPagesLoadedFromAnAllowedHostName() {
        assertEquals(true, derived.hostAllowed("localhost:8080"));
        assertEquals(true, derived.hostAllowed("127.0.0.1:8080"));
        assertEquals(true, derived.hostAllowed("[::1]:8080"));
        assertEquals(true, derived.hostAllowed("LOCALHOST"));
        assertEquals(false, derived.hostAllowed("attacker.example:8080"), "a name rebound to 127.0.0.1");
        assertEquals(false, derived.hostAllowed("localhost.attacker.example"));
        assertEquals(false, derived.hostAllowed(null));
        assertEquals(false, derived.hostAllowed(""));
        assertEquals(true, new WebPageConfiguration(null, 8081, null, java.util.List.of(" Demo.Example "))
                .hostAllowed("demo.example:443"));
    }
}
