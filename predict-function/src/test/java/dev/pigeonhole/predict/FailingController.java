package dev.pigeonhole.predict;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A route that fails unexpectedly, to prove such failures answer a generic 500. */
@Controller("/test/failure")
final class FailingController {

    static final String SECRET_DETAIL = "secret detail that must stay in the log";

    @Get
    String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
