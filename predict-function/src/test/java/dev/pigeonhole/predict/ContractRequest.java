package dev.pigeonhole.predict;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;

/** An HTTP request as the contract suite describes it, independent of the runtime that carries it. */
record ContractRequest(String method, String path, String contentType, byte[] body) {

    static ContractRequest get(String path) {
        return new ContractRequest("GET", path, null, null);
    }

    static ContractRequest postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(UTF_8));
    }

    static ContractRequest post(String path, String contentType, byte[] body) {
        return new ContractRequest("POST", path, contentType, body);
    }

    /** A multipart/form-data POST with one file part named {@code field}. */
    static ContractRequest upload(String field, String filename, String partType, byte[] content) {
        String boundary = "pigeonhole-contract-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return post("/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
