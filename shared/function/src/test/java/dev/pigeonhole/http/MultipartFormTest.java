package dev.pigeonhole.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.testing.CpuTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";

    @Test
    void readsAFilePartAndAFieldAsABrowserSendsThem() {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\r', '\n', 0, (byte) 0xFF, (byte) 0x80, '\r', '\n', '-', '-'};
        byte[] body = concat("------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "hello\r\n"
                + "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"bug report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n", pdf,
                "\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n");

        MultipartForm form = MultipartForm.parse(TYPE, body);

        assertEquals(List.of("note", "file"), form.parts().stream().map(MultipartForm.Part::name).toList());
        MultipartForm.Part file = form.part("file").orElseThrow();
        assertEquals("bug report.pdf", file.filename());
        assertEquals("application/pdf", file.contentType());
        assertArrayEquals(pdf, file.content());
        MultipartForm.Part note = form.part("note").orElseThrow();
        assertNull(note.filename());
        assertEquals("hello", new String(note.content(), UTF_8));
    }

    @Test
    void aQuotedBoundaryAQuotedQuoteInTheFileNameAndAnEmptyFileAreRead() {
        byte[] body = ("--a:b=c\r\nContent-Disposition: form-data; name=\"file\"; filename=\"say \\\"hi\\\".txt\"\r\n\r\n"
                + "\r\n--a:b=c--").getBytes(UTF_8);

        MultipartForm.Part file = MultipartForm.parse("multipart/form-data; boundary=\"a:b=c\"", body).part("file").orElseThrow();

        assertEquals("say \"hi\".txt", file.filename());
        assertEquals(0, file.content().length);
    }

    @Test
    void aUtf8FileNameIsKept() {
        byte[] body = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"résumé.md\"\r\n\r\n# CV\r\n--x--\r\n")
                .getBytes(UTF_8);

        assertEquals("résumé.md", MultipartForm.parse("multipart/form-data; boundary=x", body).part("file").orElseThrow()
                .filename());
    }

    @Test
    void aPreambleBeforeTheFirstBoundaryIsSkipped() {
        byte[] body = "This is a preamble.\r\n--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"
                .getBytes(UTF_8);

        assertEquals("1", new String(MultipartForm.parse("multipart/form-data; boundary=x", body).part("a")
                .orElseThrow().content(), ISO_8859_1));
    }

    @Test
    void aMissingPartIsEmpty() {
        byte[] body = "--x\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.txt\"\r\n\r\nhi\r\n--x--"
                .getBytes(UTF_8);

        assertTrue(MultipartForm.parse("multipart/form-data; boundary=x", body).part("file").isEmpty());
    }

    @Test
    void badBodiesAreRefusedWithWhatIsWrong() {
        assertEquals("the multipart/form-data content type has no boundary parameter", message("multipart/form-data", "--x--"));
        assertEquals("the body does not start with the multipart boundary", message("multipart/form-data; boundary=x", "hello"));
        assertEquals("malformed multipart body: the closing boundary is missing", message("multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\ncut off"));
        assertEquals("malformed multipart body: a part's headers do not end", message("multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\""));
    }

    @Test
    void aBoundaryLongerThanRfc2046AllowsIsRefused() {
        String boundary = "b".repeat(71);
        assertEquals("the multipart boundary must be 1 to 70 characters long (RFC 2046), not 71",
                message("multipart/form-data; boundary=" + boundary, "--" + boundary + "--"));
        assertEquals("the multipart boundary must be 1 to 70 characters long (RFC 2046), not 0",
                message("multipart/form-data; boundary=\"\"", "----"));
    }

    @Test
    void partHeadersLongerThanTheBoundAreRefused() {
        assertEquals("malformed multipart body: a part's headers are longer than 16384 bytes",
                message("multipart/form-data; boundary=x", "--x\r\nX-Padding: " + "p".repeat(20_000) + "\r\n\r\nhi\r\n--x--"));
    }

    @Test
    void aFileNameOfManyEscapedCharactersIsReadWithoutRecursion() {
        String name = "\\\"".repeat(4_000);
        byte[] body = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n\r\nhi\r\n--x--")
                .getBytes(UTF_8);

        assertEquals("\"".repeat(4_000), MultipartForm.parse("multipart/form-data; boundary=x", body).part("file")
                .orElseThrow().filename());
    }

    @Test
    void tenMegabytesOfNearMissBoundariesAreReadInLinearTime() {
        String boundary = "z".repeat(MultipartForm.MAX_BOUNDARY_LENGTH);
        String nearMiss = "\r\n--" + "z".repeat(MultipartForm.MAX_BOUNDARY_LENGTH - 1) + "y";
        String type = "multipart/form-data; boundary=" + boundary;

        MultipartForm form = CpuTime.assertFast("near-miss boundaries", () -> MultipartForm.parse(type, body(boundary,
                nearMiss.repeat(10_000))), () -> MultipartForm.parse(type, body(boundary, nearMiss.repeat(140_000))));
        assertEquals(140_000 * nearMiss.length(), form.part("file").orElseThrow().content().length);
    }

    private static byte[] body(String boundary, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                + content + "\r\n--" + boundary + "--").getBytes(UTF_8);
    }

    private static String message(String type, String body) {
        return assertThrows(IllegalArgumentException.class, () -> MultipartForm.parse(type, body.getBytes(UTF_8)))
                .getMessage();
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(UTF_8);
        byte[] c = tail.getBytes(UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
