package dev.pigeonhole.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

/**
 * What every answer of either function must be, checked the same way on every runtime: JSON with the expected status
 * and no framework internals, and, for an error, the body {@code {"status": "error", "message": ...}} and nothing else.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /** The challenge every 401 carries (RFC 9110: a 401 names how to authenticate): the API key header. */
    public static final String API_KEY_CHALLENGE = "ApiKey header=\"X-API-Key\"";

    /**
     * {@code response} has {@code status}, a JSON content type, and no framework internals in its body; a 401 also
     * says, in {@code WWW-Authenticate}, where the key goes.
     */
    public static void assertJson(int status, ContractResponse response) {
        assertEquals(status, response.status(), response.text());
        if (status == 401) {
            assertEquals(API_KEY_CHALLENGE, response.header("www-authenticate"), "WWW-Authenticate of a 401");
        }
        String contentType = response.header("content-type");
        assertTrue(contentType != null && contentType.startsWith("application/json"), "content type " + contentType);
        assertFalse(response.text().contains("_embedded"), response.text());
        assertFalse(response.text().contains("Exception"), response.text());
    }

    /** {@code response} is the error body with {@code status} and exactly {@code message}. */
    public static void assertError(int status, String message, ContractResponse response) {
        assertJson(status, response);
        assertEquals(Map.of("status", "error", "message", message), response.json());
    }

    /** The message of an error body, after checking that it holds a status and a message and nothing else. */
    public static String message(ContractResponse response) {
        Map<String, Object> body = response.json();
        assertEquals("error", body.get("status"));
        assertEquals(Set.of("status", "message"), body.keySet());
        return (String) body.get("message");
    }
}
