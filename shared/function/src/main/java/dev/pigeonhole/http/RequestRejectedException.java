package dev.pigeonhole.http;

import io.micronaut.http.HttpStatus;

/** A request refused for a reason the client can fix, with the status to answer and what to fix. */
public class RequestRejectedException extends RuntimeException {

    private final HttpStatus status;

    public RequestRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
