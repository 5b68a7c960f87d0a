package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pigeonhole.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the document extractor: random bytes under any name, and real PDF and DOCX files with bytes flipped,
 * cut or inserted. It answers text or a {@link DocumentException} (what the API turns into 413, 415 or 422), and
 * nothing else: no parser exception, no error, no hang. Tries are bounded to keep the build fast; inputs come from a
 * {@link Random} with a fixed seed, so a failure names its input and reproduces on every run.
 */
class DocumentExtractorFuzzTest {

    private static final List<String> NAMES = List.of("upload.pdf", "upload.docx", "upload.txt", "upload.md",
            "upload.doc", "upload.xlsx", "upload", "upload.bin", "UPLOAD.PDF");

    private static final DocumentTextExtractor EXTRACTOR = new DocumentTextExtractor(new DocumentLimits(1 << 20, 20, 50_000));

    private static byte[] pdf;
    private static byte[] docx;

    @BeforeAll
    static void realDocuments() {
        pdf = SampleDocuments.textPdf("The rocket reached orbit and the probe sent data.", "Second page about hockey.");
        docx = SampleDocuments.docx("The team won the hockey game in overtime.", "The compiler reported an error.");
    }

    @Test
    void randomBytesUnderAnyNameGiveTextOrADocumentException() {
        Fuzz.check(0x5EED_0201L, 500, random -> new Named(Fuzz.oneOf(random, NAMES), bytes(random)),
                upload -> extractOrRefuse(upload.name(), upload.content()));
    }

    @Test
    void mutatedPdfsGiveTextOrADocumentException() {
        Fuzz.check(0x5EED_0202L, 300, random -> new Named(Fuzz.oneOf(random, NAMES), mutation(random, pdf)),
                upload -> extractOrRefuse(upload.name(), upload.content()));
    }

    @Test
    void mutatedDocxFilesGiveTextOrADocumentException() {
        Fuzz.check(0x5EED_0203L, 300, random -> new Named(Fuzz.oneOf(random, NAMES), mutation(random, docx)),
                upload -> extractOrRefuse(upload.name(), upload.content()));
    }

    record Named(String name, byte[] content) {
        @Override
        public String toString() {
            return name + " " + Fuzz.show(content);
        }
    }

    private static void extractOrRefuse(String name, byte[] content) {
        try {
            ExtractedText text = EXTRACTOR.extract(name, content);
            assertFalse(text.text().isBlank(), "text extracted from " + name + " is blank");
        } catch (DocumentException refused) {
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal without message");
        }
    }

    /** Random bytes, or random bytes behind the magic numbers the detector looks at, so the parsers get to run. */
    private static byte[] bytes(Random random) {
        if (random.nextBoolean()) {
            return Fuzz.bytes(random, 0, 4096);
        }
        return concat(Fuzz.oneOf(random, "%PDF-1.7\n", "PK\u0003\u0004", "\uFEFF", "# title\n"),
                Fuzz.bytes(random, 0, 2048));
    }

    /** The original with 1 to 16 bytes replaced, or cut anywhere, or with 1 to 512 random bytes inserted anywhere. */
    private static byte[] mutation(Random random, byte[] original) {
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] copy = original.clone();
                for (int i = 1 + random.nextInt(16); i > 0; i--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 1 -> {
                return Arrays.copyOf(original, (int) (original.length * random.nextDouble()));
            }
            default -> {
                byte[] extra = Fuzz.bytes(random, 1, 512);
                int at = (int) (original.length * random.nextDouble());
                byte[] out = new byte[original.length + extra.length];
                System.arraycopy(original, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(original, at, out, at + extra.length, original.length - at);
                return out;
            }
        }
    }

    private static byte[] concat(String prefix, byte[] rest) {
        byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (prefix.startsWith("\uFEFF")) {
            head = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        }
        byte[] out = new byte[head.length + rest.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(rest, 0, out, head.length, rest.length);
        return out;
    }
}
