package dev.pigeonhole.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a multipart/form-data body (RFC 7578), read from its bytes. The functions parse uploads
 * themselves because the AWS Lambda and Azure Functions adapters do not bind multipart parts at all.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern DISPOSITION_PARAMETER =
            Pattern.compile("(?i);\\s*(name|filename)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(UTF_8);

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One field of the form: its name, the file name when it is a file, its own content type, its bytes. */
    public record Part(String name, String filename, String contentType, byte[] content) {
    }

    /**
     * Reads {@code body} sent with {@code contentType}; {@link IllegalArgumentException} with what is wrong
     * when the type has no boundary or the body is not a complete multipart body.
     */
    public static MultipartForm parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("the multipart/form-data content type has no boundary parameter");
        }
        String boundary = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
        byte[] delimiter = ("--" + boundary).getBytes(UTF_8);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(UTF_8);
        int at = indexOf(body, delimiter, 0);
        if (at != 0 && (at < 0 || indexOf(body, nextDelimiter, 0) != at - 2)) {
            throw new IllegalArgumentException("the body does not start with the multipart boundary");
        }
        List<Part> parts = new ArrayList<>();
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return new MultipartForm(parts);
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new IllegalArgumentException("malformed multipart body: a boundary is not followed by a line break");
            }
            int headersStart = position + 2;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("malformed multipart body: a part's headers do not end");
            }
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("malformed multipart body: the closing boundary is missing");
            }
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, UTF_8),
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + nextDelimiter.length;
        }
    }

    /** The first part named {@code name}, if any. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    public List<Part> parts() {
        return parts;
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-type")) {
                contentType = value;
            } else if (header.equals("content-disposition")) {
                Matcher parameter = DISPOSITION_PARAMETER.matcher(value);
                while (parameter.find()) {
                    String parameterValue = parameter.group(2) != null
                            ? parameter.group(2).replaceAll("\\\\(.)", "$1") : parameter.group(3);
                    if (parameter.group(1).equalsIgnoreCase("name")) {
                        name = parameterValue;
                    } else {
                        filename = parameterValue;
                    }
                }
            }
        }
        return new Part(name, filename, contentType, content);
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        byte[] bytes = prefix.getBytes(UTF_8);
        if (from + bytes.length > data.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (data[from + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
