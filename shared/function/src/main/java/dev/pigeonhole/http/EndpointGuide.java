package dev.pigeonhole.http;

import java.util.Optional;

/**
 * What a function tells clients about its own endpoints when the framework refuses a request (unknown
 * route, wrong content type, unreadable or oversized body), so that each error message says what to send.
 */
public interface EndpointGuide {

    /** Every endpoint of the function, listed in the 404 message, e.g. {@code GET /health, POST /predict}. */
    String endpoints();

    /** An example JSON body for {@code path}, said after "send " when the body is missing or has the wrong shape. */
    String exampleBody(String path);

    /** The content {@code path} accepts, said after "send " in the 415 message. */
    default String acceptedContent(String path) {
        return "application/json";
    }

    /** The 413 message for {@code path} naming its limit, or empty for the framework's own detail. */
    Optional<String> tooLargeMessage(String path);
}
