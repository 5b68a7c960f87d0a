package dev.pigeonhole.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Base64BodyRequestTest {

    private static final byte[] BODY = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 1, 2};

    @Test
    void aBodyWithinTheLimitArrivesBase64EncodedWithItsHeadersUntouched() {
        Base64BodyRequest request = new Base64BodyRequest(
                post(BODY, Map.of("content-type", "application/pdf", "Content-Length", "8")), BODY.length);
        assertTrue(request.isBase64());
        assertEquals(Base64.getEncoder().encodeToString(BODY), request.getBody().orElseThrow());
        assertEquals("8", request.getHeaders().get("Content-Length"));
    }

    @Test
    void aBodyOverTheLimitIsDroppedUnencodedAndDeclaresTheLengthReceived() {
        // A client may declare a small length, or none (chunked), and send far more: the length received decides.
        Base64BodyRequest request = new Base64BodyRequest(post(BODY,
                Map.of("Content-Type", "application/pdf", "content-length", "3", "Transfer-Encoding", "chunked")), 7);
        assertFalse(request.isBase64());
        assertEquals(Optional.empty(), request.getBody());
        assertEquals("8", request.getHeaders().get("Content-Length"));
        assertNull(request.getHeaders().get("transfer-encoding"));
    }

    @Test
    void aTextBodyWithoutContentTypeArrivesAsUtf8Text() {
        Base64BodyRequest request = new Base64BodyRequest(post("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of()), 100);
        assertFalse(request.isBase64());
        assertEquals("héllo", request.getBody().orElseThrow());
    }

    private static HttpRequestMessage<Optional<byte[]>> post(byte[] body, Map<String, String> headers) {
        return new HttpRequestMessage<>() {
            @Override
            public URI getUri() {
                return URI.create("http://localhost/upload");
            }

            @Override
            public HttpMethod getHttpMethod() {
                return HttpMethod.POST;
            }

            @Override
            public Map<String, String> getHeaders() {
                return headers;
            }

            @Override
            public Map<String, String> getQueryParameters() {
                return Map.of();
            }

            @Override
            public Optional<byte[]> getBody() {
                return Optional.of(body);
            }

            @Override
            public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
