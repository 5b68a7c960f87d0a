package dev.pigeonhole.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pigeonhole.access.AccessGate;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

class ApplicationErrorHandlerTest {

    private final ApplicationErrorHandler handler = new ApplicationErrorHandler();

    @Test
    void aKeyRefusedInAControllerIsA401NamingWhereTheKeyGoes() {
        HttpResponse<ErrorResponse> response = handler.handle(HttpRequest.POST("/feedback", ""),
                new RequestRejectedException(HttpStatus.UNAUTHORIZED, AccessGate.keyNeededMessage("feedback")));

        assertEquals(HttpStatus.UNAUTHORIZED, response.getStatus());
        assertEquals("ApiKey header=\"X-API-Key\"", response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals("feedback needs an API key: send it in the X-API-Key header",
                response.getBody().orElseThrow().message());
    }

    @Test
    void otherRefusalsCarryNoChallenge() {
        HttpResponse<ErrorResponse> response = handler.handle(HttpRequest.POST("/feedback", ""),
                new RequestRejectedException(HttpStatus.BAD_REQUEST, "true_label is missing"));

        assertEquals(HttpStatus.BAD_REQUEST, response.getStatus());
        assertNull(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
    }
}
