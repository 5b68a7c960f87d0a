package dev.pigeonhole.http;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every error answer: {@code {"status":"error","message":"..."}}, the message saying what to fix. */
@Serdeable
public record ErrorResponse(String status, String message) {

    public static ErrorResponse of(String message) {
        return new ErrorResponse("error", message);
    }
}
