package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.net.URLDecoder;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Carries contract requests to the Lambda handler as API Gateway HTTP API (payload 2.0) events, built
 * as the gateway builds them: lower-case header names, the query both raw and parsed, a
 * Content-Length header, and a body sent as text only for text media types, base64 otherwise.
 */
public final class AwsTransport {

    private final APIGatewayV2HTTPEventFunction handler;

    public AwsTransport(APIGatewayV2HTTPEventFunction handler) {
        this.handler = handler;
    }

    public ContractResponse send(ContractRequest request) {
        return send(event(request, true));
    }

    /** As {@link #send}, for a client that streamed its body in chunks: the gateway passes no Content-Length then. */
    public ContractResponse sendWithoutContentLength(ContractRequest request) {
        return send(event(request, false));
    }

    private ContractResponse send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
        Map<String, String> headers = new HashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(UTF_8);
        return new ContractResponse(response.getStatusCode(), headers, bytes);
    }

    static APIGatewayV2HTTPEvent event(ContractRequest request, boolean contentLength) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.putIfAbsent("host", "abc123.execute-api.eu-west-1.amazonaws.com");
        headers.putIfAbsent("user-agent", "contract-test");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        if (!request.rawQuery().isEmpty()) {
            event.setQueryStringParameters(queryParameters(request.rawQuery()));
        }
        if (request.body() != null && request.body().length > 0) {
            if (contentLength) {
                headers.put("content-length", Integer.toString(request.body().length));
            }
            boolean text = isText(headers.get("content-type"));
            event.setIsBase64Encoded(!text);
            event.setBody(text ? new String(request.body(), UTF_8) : Base64.getEncoder().encodeToString(request.body()));
        } else if (request.body() != null && contentLength) {
            headers.put("content-length", "0");
        }
        event.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent(headers.get("user-agent"));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey("$default");
        context.setStage("$default");
        context.setAccountId("123456789012");
        context.setApiId("abc123");
        context.setDomainName(headers.get("host"));
        context.setDomainPrefix("abc123");
        context.setRequestId(UUID.randomUUID().toString());
        context.setTimeEpoch(Instant.now().toEpochMilli());
        event.setRequestContext(context);
        return event;
    }

    /** What the gateway passes as text; any other body (documents, multipart, no type) arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml") || type.startsWith("application/javascript");
    }

    /** Repeated parameters are joined with commas, as payload 2.0 does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : List.of(rawQuery.split("&"))) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
