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
 * The parts of a multipart/form-data body (RFC 7578), read from its bytes in one pass: each boundary is found
 * with a linear search, and part headers are bounded, so the time taken grows with the body and nothing else.
 * The functions parse uploads themselves because the AWS Lambda and Azure Functions adapters do not bind
 * multipart parts at all.
 */
public final class MultipartForm {

    /** RFC 2046, section 5.1.1: a boundary is 1 to 70 characters. */
    public static final int MAX_BOUNDARY_LENGTH = 70;
    /** The headers of one part; a browser sends about 150 bytes. */
    public static final int MAX_PART_HEADER_BYTES = 16 * 1024;

    // Applied to the Content-Type header only, which the server bounds.
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]*)\"|([^;\\s]*))");
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
     * when the type has no usable boundary or the body is not a complete multipart body.
     */
    public static MultipartForm parse(String contentType, byte[] body) {
        String boundary = boundaryOf(contentType);
        ByteSearch delimiter = new ByteSearch(("--" + boundary).getBytes(UTF_8));
        ByteSearch nextDelimiter = new ByteSearch(("\r\n--" + boundary).getBytes(UTF_8));
        ByteSearch headerEnd = new ByteSearch(HEADER_END);
        int at = delimiter.indexIn(body, 0, body.length);
        if (at != 0 && (at < 2 || nextDelimiter.indexIn(body, at - 2, at - 2 + nextDelimiter.length()) != at - 2)) {
            throw new IllegalArgumentException("the body does not start with the multipart boundary");
        }
        List<Part> parts = new ArrayList<>();
        int position = at + delimiter.length();
        while (true) {
            if (startsWith(body, position, "--")) {
                return new MultipartForm(parts);
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new IllegalArgumentException("malformed multipart body: a boundary is not followed by a line break");
            }
            int headersStart = position + 2;
            int headersEnd = headerEnd.indexIn(body, headersStart,
                    (int) Math.min(body.length, (long) headersStart + MAX_PART_HEADER_BYTES + HEADER_END.length));
            if (headersEnd < 0) {
                throw new IllegalArgumentException(body.length - headersStart > MAX_PART_HEADER_BYTES
                        ? "malformed multipart body: a part's headers are longer than " + MAX_PART_HEADER_BYTES + " bytes"
                        : "malformed multipart body: a part's headers do not end");
            }
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = nextDelimiter.indexIn(body, contentStart, body.length);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("malformed multipart body: the closing boundary is missing");
            }
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, UTF_8),
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + nextDelimiter.length();
        }
    }

    /** The first part named {@code name}, if any. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    public List<Part> parts() {
        return parts;
    }

    private static String boundaryOf(String contentType) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("the multipart/form-data content type has no boundary parameter");
        }
        String boundary = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("the multipart boundary must be 1 to " + MAX_BOUNDARY_LENGTH
                    + " characters long (RFC 2046), not " + boundary.length());
        }
        return boundary;
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
                for (String[] parameter : parameters(value)) {
                    if (parameter[0].equals("name")) {
                        name = parameter[1];
                    } else if (parameter[0].equals("filename")) {
                        filename = parameter[1];
                    }
                }
            }
        }
        return new Part(name, filename, contentType, content);
    }

    /**
     * The {@code ;}-separated parameters after the disposition type, names in lower case, quoted values unquoted
     * ({@code \"} is a quote). One pass over the characters, where a regular expression recursed per character.
     */
    private static List<String[]> parameters(String disposition) {
        List<String[]> parameters = new ArrayList<>();
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            int nameStart = i + 1;
            int equals = disposition.indexOf('=', nameStart);
            int semicolon = disposition.indexOf(';', nameStart);
            if (equals < 0) {
                break;
            }
            if (semicolon >= 0 && semicolon < equals) {
                i = semicolon;
                continue;
            }
            String name = disposition.substring(nameStart, equals).strip().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            while (valueStart < disposition.length() && disposition.charAt(valueStart) == ' ') {
                valueStart++;
            }
            StringBuilder value = new StringBuilder();
            int end;
            if (valueStart < disposition.length() && disposition.charAt(valueStart) == '"') {
                end = valueStart + 1;
                while (end < disposition.length() && disposition.charAt(end) != '"') {
                    if (disposition.charAt(end) == '\\' && end + 1 < disposition.length()) {
                        end++;
                    }
                    value.append(disposition.charAt(end));
                    end++;
                }
                end = disposition.indexOf(';', end);
            } else {
                end = semicolon;
                value.append(disposition.substring(valueStart, end < 0 ? disposition.length() : end).strip());
            }
            parameters.add(new String[] {name, value.toString()});
            i = end;
        }
        return parameters;
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

    /** Knuth-Morris-Pratt search for one pattern: each byte of the haystack is looked at a bounded number of times. */
    private static final class ByteSearch {

        private final byte[] pattern;
        private final int[] fallback;

        ByteSearch(byte[] pattern) {
            this.pattern = pattern;
            this.fallback = new int[pattern.length];
            for (int i = 1, k = 0; i < pattern.length; i++) {
                while (k > 0 && pattern[i] != pattern[k]) {
                    k = fallback[k - 1];
                }
                if (pattern[i] == pattern[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        int length() {
            return pattern.length;
        }

        /** The first index in {@code data[from, to)} where the whole pattern occurs, or -1. */
        int indexIn(byte[] data, int from, int to) {
            int matched = 0;
            for (int i = Math.max(from, 0); i < Math.min(to, data.length); i++) {
                while (matched > 0 && data[i] != pattern[matched]) {
                    matched = fallback[matched - 1];
                }
                if (data[i] == pattern[matched]) {
                    matched++;
                }
                if (matched == pattern.length) {
                    return i - pattern.length + 1;
                }
            }
            return -1;
        }
    }
}
