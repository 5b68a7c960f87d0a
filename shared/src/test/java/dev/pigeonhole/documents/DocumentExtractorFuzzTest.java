package dev.pigeonhole.documents;

import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;

/**
 * Fuzzing the document extractor: random bytes under any name, and real PDF and DOCX files with bytes flipped,
 * cut or inserted. It answers text or a {@link DocumentException} (what the API turns into 413, 415 or 422), and
 * nothing else: no parser exception, no error, no hang. Tries are bounded to keep the build fast.
 */
class DocumentExtractorFuzzTest {

    private static final List<String> NAMES = List.of("upload.pdf", "upload.docx", "upload.txt", "upload.md",
            "upload.doc", "upload.xlsx", "upload", "upload.bin", "UPLOAD.PDF");

    private static final DocumentTextExtractor EXTRACTOR = new DocumentTextExtractor(new DocumentLimits(1 << 20, 20, 50_000));

    private static byte[] pdf;
    private static byte[] docx;

    @BeforeContainer
    static void realDocuments() {
        pdf = SampleDocuments.textPdf("The rocket reached orbit and the probe sent data.", "Second page about hockey.");
        docx = SampleDocuments.docx("The team won the hockey game in overtime.", "The compiler reported an error.");
    }

    @Property(tries = 500)
    void randomBytesUnderAnyNameGiveTextOrADocumentException(@ForAll("names") String name, @ForAll("bytes") byte[] content) {
        extractOrRefuse(name, content);
    }

    @Property(tries = 300)
    void mutatedPdfsGiveTextOrADocumentException(@ForAll("names") String name, @ForAll("pdfMutations") byte[] content) {
        extractOrRefuse(name, content);
    }

    @Property(tries = 300)
    void mutatedDocxFilesGiveTextOrADocumentException(@ForAll("names") String name,
                                                      @ForAll("docxMutations") byte[] content) {
        extractOrRefuse(name, content);
    }

    private static void extractOrRefuse(String name, byte[] content) {
        try {
            ExtractedText text = EXTRACTOR.extract(name, content);
            assertFalse(text.text().isBlank(), "text extracted from " + name + " is blank");
        } catch (DocumentException refused) {
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal without message");
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        // Random bytes behind the magic numbers the detector looks at, so the parsers get to run.
        Arbitrary<byte[]> behindMagic = Combinators.combine(
                Arbitraries.of("%PDF-1.7\n", "PK\u0003\u0004", "\uFEFF", "# title\n"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)).as(DocumentExtractorFuzzTest::concat);
        return Arbitraries.oneOf(random, behindMagic);
    }

    @Provide
    Arbitrary<byte[]> pdfMutations() {
        return mutations(() -> pdf);
    }

    @Provide
    Arbitrary<byte[]> docxMutations() {
        return mutations(() -> docx);
    }

    private static Arbitrary<byte[]> mutations(java.util.function.Supplier<byte[]> original) {
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(1, 16).flatMap(count ->
                Arbitraries.integers().greaterOrEqual(0).list().ofSize(count).flatMap(positions ->
                        Arbitraries.bytes().list().ofSize(count).map(values -> {
                            byte[] copy = original.get().clone();
                            for (int i = 0; i < count; i++) {
                                copy[positions.get(i) % copy.length] = values.get(i);
                            }
                            return copy;
                        })));
        Arbitrary<byte[]> cut = Arbitraries.doubles().between(0, 1).map(share -> {
            byte[] whole = original.get();
            return java.util.Arrays.copyOf(whole, (int) (whole.length * share));
        });
        Arbitrary<byte[]> inserted = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(512)).as((share, extra) -> {
                    byte[] whole = original.get();
                    int at = (int) (whole.length * share);
                    byte[] out = new byte[whole.length + extra.length];
                    System.arraycopy(whole, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, extra.length);
                    System.arraycopy(whole, at, out, at + extra.length, whole.length - at);
                    return out;
                });
        return Arbitraries.oneOf(flipped, cut, inserted);
    }

    private static byte[] concat(String prefix, byte[] rest) {
        byte[] head = prefix.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (prefix.startsWith("\uFEFF")) {
            head = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        }
        byte[] out = new byte[head.length + rest.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(rest, 0, out, head.length, rest.length);
        return out;
    }
}
