package dev.pigeonhole.documents;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.pigeonhole.testing.CpuTime;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentTextExtractorTest {

    private final DocumentTextExtractor extractor = new DocumentTextExtractor(DocumentLimits.defaults());

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void assertRefused(DocumentException.Reason reason, String messageFragment, Executable extraction) {
        DocumentException refusal = assertThrows(DocumentException.class, extraction);
        assertAll(
                () -> assertEquals(reason, refusal.reason()),
                () -> assertTrue(refusal.getMessage().contains(messageFragment),
                        () -> "message '" + refusal.getMessage() + "' lacks '" + messageFragment + "'"));
    }

    private void assertExtracted(String expectedText, String expectedFormat, int expectedPages, ExtractedText actual) {
        assertAll(
                () -> assertEquals(expectedText, normalised(actual.text())),
                () -> assertEquals(expectedFormat, actual.format()),
                () -> assertEquals(expectedPages, actual.pages()));
    }

    @Nested
    class Pdf {

        @Test
        void textOfBothPagesIsExtractedInOrderWithThePageCount() {
            byte[] pdf = SampleDocuments.textPdf("Invoice for March hosting", "Payment due within thirty days");

            assertExtracted("Invoice for March hosting Payment due within thirty days", "pdf", 2,
                    extractor.extract("invoice.pdf", pdf));
        }

        @Test
        void pdfIsRecognisedByItsBytesWhateverItsName() {
            byte[] pdf = SampleDocuments.textPdf("Quarterly report");

            assertExtracted("Quarterly report", "pdf", 1, extractor.extract("upload.bin", pdf));
        }

        @Test
        void passwordProtectedPdfIsUnreadable() {
            byte[] pdf = SampleDocuments.passwordProtectedPdf("Confidential salary list");

            assertRefused(DocumentException.Reason.UNREADABLE, "password-protected PDF",
                    () -> extractor.extract("salaries.pdf", pdf));
        }

        @Test
        void imageOnlyPdfIsUnreadableBecauseOcrIsNotSupported() {
            byte[] pdf = SampleDocuments.imageOnlyPdf();

            DocumentException refusal = assertThrows(DocumentException.class, () -> extractor.extract("scan.pdf", pdf));
            assertAll(
                    () -> assertEquals(DocumentException.Reason.UNREADABLE, refusal.reason()),
                    () -> assertTrue(refusal.getMessage().contains("no text layer")),
                    () -> assertTrue(refusal.getMessage().contains("OCR is not supported")));
        }

        @Test
        void pdfWithMorePagesThanTheLimitIsTooLarge() {
            DocumentTextExtractor twoPages = new DocumentTextExtractor(new DocumentLimits(1_000_000, 2, 1_000));
            byte[] pdf = SampleDocuments.textPdf("one", "two", "three");

            assertRefused(DocumentException.Reason.TOO_LARGE, "The PDF has 3 pages; at most 2 are accepted.",
                    () -> twoPages.extract("long.pdf", pdf));
        }

        @Test
        void pagesBeyondTheLimitAreNeverReadWhateverThePageTreeClaims() {
            DocumentTextExtractor twoPages = new DocumentTextExtractor(new DocumentLimits(1_000_000, 2, 1_000));
            byte[] pdf = SampleDocuments.pdfClaimingPages(1, "one", "two", "three", "four");

            assertExtracted("one two", "pdf", 1, twoPages.extract("lying.pdf", pdf));
        }

        @Test
        void extractionStopsAtTheCharacterLimit() {
            DocumentTextExtractor small = new DocumentTextExtractor(new DocumentLimits(1_000_000, 200, 30));
            byte[] pdf = SampleDocuments.textPdf("twenty characters ok", "twenty more of them", "and more");

            assertRefused(DocumentException.Reason.TOO_LARGE,
                    "The document holds more than 30 characters of text; at most 30 are accepted.",
                    () -> small.extract("long.pdf", pdf));
        }

        @Test
        void extractionStopsWhenItsThreadIsInterrupted() {
            byte[] pdf = SampleDocuments.textPdf("a page", "another page");

            Thread.currentThread().interrupt();
            try {
                assertRefused(DocumentException.Reason.UNREADABLE, "Reading the PDF was stopped",
                        () -> extractor.extract("slow.pdf", pdf));
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        void truncatedPdfIsUnreadableAndDamaged() {
            byte[] pdf = SampleDocuments.truncated(SampleDocuments.textPdf("Some text"), 40);

            assertRefused(DocumentException.Reason.UNREADABLE, "The PDF is damaged",
                    () -> extractor.extract("broken.pdf", pdf));
        }

        @Test
        void fileNamedPdfThatIsNotAPdfIsUnreadable() {
            byte[] notPdf = "just some words".getBytes(StandardCharsets.UTF_8);

            assertRefused(DocumentException.Reason.UNREADABLE, "named .pdf but is not a PDF",
                    () -> extractor.extract("report.PDF", notPdf));
        }
    }

    @Nested
    class Docx {

        @Test
        void paragraphsAreExtractedInOrder() {
            byte[] docx = SampleDocuments.docx("Dear customer,", "Your order has shipped.");

            assertExtracted("Dear customer, Your order has shipped.", "docx", 1, extractor.extract("letter.docx", docx));
        }

        @Test
        void tableCellsAreExtractedAfterTheParagraph() {
            byte[] docx = SampleDocuments.docxWithTable("Price list",
                    new String[][] {{"Widget", "4 EUR"}, {"Gadget", "9 EUR"}});

            assertExtracted("Price list Widget 4 EUR Gadget 9 EUR", "docx", 1, extractor.extract("prices.docx", docx));
        }

        @Test
        void headersAndFootersAreReadAroundTheBody() {
            byte[] docx = SampleDocuments.docxWithHeaderAndFooter("Acme Corporation", "Quarterly report", "Page one");

            assertExtracted("Acme Corporation Quarterly report Page one", "docx", 1,
                    extractor.extract("report.docx", docx));
        }

        @Test
        void onlyTheWordsOfRunsAreReadNotDeletedTextFieldCodesTabStopsOrFallbackCopies() {
            byte[] docx = SampleDocuments.docxWithMainPart("""
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                                xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
                    <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
                      <w:r><w:t>Invoice</w:t><w:tab/><w:t>paid</w:t></w:r>
                      <w:del><w:r><w:delText>withdrawn</w:delText></w:r></w:del>
                      <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> in full</w:t><w:br/><w:t>on time</w:t></w:r></w:p>
                    <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>
                      <w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                      <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict>
                      </mc:Fallback></mc:AlternateContent></w:r></w:p>
                    </w:body></w:document>""");

            assertEquals("Invoice\tpaid in full\non time\nboxed", extractor.extract("invoice.docx", docx).text());
        }

        @Test
        void extractionStopsWhenItsThreadIsInterrupted() {
            String[] paragraphs = new String[5_000];
            Arrays.fill(paragraphs, "A paragraph of the minutes.");
            byte[] docx = SampleDocuments.docx(paragraphs);

            Thread.currentThread().interrupt();
            try {
                assertRefused(DocumentException.Reason.UNREADABLE, "Reading the DOCX was stopped",
                        () -> extractor.extract("minutes.docx", docx));
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        void zipBombIsUnreadableWithoutInflatingIt() {
            byte[] bomb = SampleDocuments.padded(SampleDocuments.docx("Innocent looking text."), "word/document\\.xml",
                    200L * 1024 * 1024);
            assertTrue(bomb.length < 1024 * 1024, "the bomb stays small: " + bomb.length + " bytes");

            assertRefused(DocumentException.Reason.UNREADABLE, "decompression bomb",
                    () -> extractor.extract("bomb.docx", bomb));
        }

        @Test
        void passwordProtectedDocxIsUnreadable() {
            byte[] docx = SampleDocuments.passwordProtectedDocx("Board minutes");

            assertRefused(DocumentException.Reason.UNREADABLE, "password-protected Office document",
                    () -> extractor.extract("minutes.docx", docx));
        }

        @Test
        void truncatedDocxIsUnreadableAndDamaged() {
            byte[] full = SampleDocuments.docx("Some text");
            byte[] docx = SampleDocuments.truncated(full, full.length / 2);

            assertRefused(DocumentException.Reason.UNREADABLE, "The DOCX file is damaged",
                    () -> extractor.extract("broken.docx", docx));
        }

        @Test
        void docxWithMalformedXmlIsUnreadableAndDamaged() {
            byte[] docx = SampleDocuments.docxWithMainPart(
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");

            assertRefused(DocumentException.Reason.UNREADABLE, "The DOCX is damaged",
                    () -> extractor.extract("broken.docx", docx));
        }

        @Test
        void docxWithoutTextHasNoTextFound() {
            byte[] docx = SampleDocuments.docx("   ");

            assertRefused(DocumentException.Reason.UNREADABLE, "no text found",
                    () -> extractor.extract("blank.docx", docx));
        }
    }

    @Nested
    class Unsupported {

        @Test
        void legacyWordDocumentIsUnsupportedAndNamesTheAcceptedFormats() {
            assertRefused(DocumentException.Reason.UNSUPPORTED, "accepted formats are PDF, DOCX, TXT and MD",
                    () -> extractor.extract("old.doc", SampleDocuments.legacyDoc()));
        }

        @Test
        void xlsxWorkbookIsUnsupportedAndNamesTheAcceptedFormats() {
            assertRefused(DocumentException.Reason.UNSUPPORTED, "accepted formats are PDF, DOCX, TXT and MD",
                    () -> extractor.extract("figures.xlsx", SampleDocuments.xlsx()));
        }

        @Test
        void binaryBlobIsUnsupportedAsABinaryFile() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

            assertRefused(DocumentException.Reason.UNSUPPORTED, "binary file", () -> extractor.extract("photo", png));
        }

        @Test
        void binaryContentNamedTxtIsStillUnsupported() {
            byte[] blob = {'a', 'b', 0, 'c'};

            assertRefused(DocumentException.Reason.UNSUPPORTED, "binary file", () -> extractor.extract("notes.txt", blob));
        }
    }

    @Nested
    class PlainText {

        @Test
        void utf8TextIsExtractedAsTxt() {
            byte[] text = "Le café est prêt\nà 8 h".getBytes(StandardCharsets.UTF_8);

            assertExtracted("Le café est prêt à 8 h", "txt", 1, extractor.extract("notes.txt", text));
        }

        @Test
        void textWithoutAnExtensionIsExtractedAsTxt() {
            byte[] text = "printer on floor 2 is jammed".getBytes(StandardCharsets.UTF_8);

            assertExtracted("printer on floor 2 is jammed", "txt", 1, extractor.extract("ticket", text));
        }

        @Test
        void windows1252BytesAreDecodedAsLegacyText() {
            byte[] text = {0x63, 0x61, 0x66, (byte) 0xE9};

            assertExtracted("café", "txt", 1, extractor.extract("menu.txt", text));
        }

        @Test
        void markdownFileIsExtractedAsMdWithoutMarkup() {
            byte[] markdown = "# Release notes\n\nSee [the guide](https://example.com/guide) for **details**."
                    .getBytes(StandardCharsets.UTF_8);

            assertExtracted("Release notes See the guide for details.", "md", 1,
                    extractor.extract("CHANGES.markdown", markdown));
        }

        @Test
        void emptyFileHasNoTextFound() {
            assertRefused(DocumentException.Reason.UNREADABLE, "no text found",
                    () -> extractor.extract("empty.txt", new byte[0]));
        }

        @Test
        void whitespaceOnlyFileHasNoTextFound() {
            byte[] blank = " \n\t \r\n".getBytes(StandardCharsets.UTF_8);

            assertRefused(DocumentException.Reason.UNREADABLE, "no text found", () -> extractor.extract("blank.txt", blank));
        }
    }

    @Nested
    class Limits {

        private final DocumentTextExtractor small = new DocumentTextExtractor(new DocumentLimits(100, 200, 10));

        @Test
        void contentOverMaxBytesIsTooLargeBeforeParsing() {
            byte[] garbagePdf = new byte[101];
            System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, garbagePdf, 0, 5);

            assertRefused(DocumentException.Reason.TOO_LARGE, "The file is 101 bytes; at most 100 bytes are accepted.",
                    () -> small.extract("big.pdf", garbagePdf));
        }

        @Test
        void textOverMaxCharactersIsTooLarge() {
            byte[] text = "eleven char".getBytes(StandardCharsets.UTF_8);

            assertRefused(DocumentException.Reason.TOO_LARGE, "holds 11 characters of text; at most 10 are accepted.",
                    () -> small.extract("long.txt", text));
        }

        @Test
        void whitespaceCountsTowardsTheCharacterLimitBecauseItIsAppliedBeforeStripping() {
            byte[] text = "ten chars!   ".getBytes(StandardCharsets.UTF_8);

            assertRefused(DocumentException.Reason.TOO_LARGE, "holds 13 characters of text; at most 10 are accepted.",
                    () -> small.extract("padded.txt", text));
        }

        @Test
        void markdownOverTheCharacterLimitIsRefusedBeforeItIsParsed() {
            DocumentTextExtractor million = new DocumentTextExtractor(new DocumentLimits(10L << 20, 200, 1_000_000));
            byte[] markdown = "[".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);

            CpuTime.assertFast("2 MB of [", () -> { }, () -> {
                assertRefused(DocumentException.Reason.TOO_LARGE,
                        "holds 2000000 characters of text; at most 1000000 are accepted.",
                        () -> million.extract("brackets.md", markdown));
                return null;
            });
        }

        @Test
        void aMegabyteOfOpenBracketsIsReadInLinearTime() {
            DocumentTextExtractor million = new DocumentTextExtractor(new DocumentLimits(10L << 20, 200, 1_000_000));
            byte[] markdown = "[".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);

            ExtractedText text = CpuTime.assertFast("1 MB of [",
                    () -> million.extract("warm.md", "[a [b".repeat(20_000).getBytes(StandardCharsets.UTF_8)),
                    () -> million.extract("brackets.md", markdown));
            // One line per piece the Markdown was parsed in; every bracket is text.
            assertEquals("[".repeat(1_000_000), text.text().replace("\n", ""));
        }

        @Test
        void textOfExactlyMaxCharactersIsAccepted() {
            byte[] text = "ten chars!".getBytes(StandardCharsets.UTF_8);

            assertEquals("ten chars!", small.extract("short.txt", text).text());
        }

        @Test
        void defaultsAreTenMegabytesTwoHundredPagesAndOneMillionCharacters() {
            assertEquals(new DocumentLimits(10L * 1024 * 1024, 200, 1_000_000), DocumentLimits.defaults());
        }

        @Test
        void nonPositiveLimitIsRejected() {
            assertThrows(IllegalArgumentException.class, () -> new DocumentLimits(0, 200, 1_000_000));
        }
    }
}
