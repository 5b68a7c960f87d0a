package dev.pigeonhole.documents;

import java.util.Locale;

/** Extracts text from PDF, DOCX, TXT and MD uploads within {@link DocumentLimits}; refuses everything else. */
public final class DocumentTextExtractor implements TextExtractor {

    private final DocumentLimits limits;
    private final DocumentFormatDetector detector;
    private final PdfTextReader pdfReader;
    private final DocxTextReader docxReader;
    private final PlainTextDecoder textDecoder;
    private final MarkdownStripper markdownStripper;

    public DocumentTextExtractor(DocumentLimits limits) {
        this.limits = limits;
        this.detector = new DocumentFormatDetector();
        this.pdfReader = new PdfTextReader(limits.maxPages(), limits.maxCharacters());
        this.docxReader = new DocxTextReader(limits.maxCharacters());
        this.textDecoder = new PlainTextDecoder();
        this.markdownStripper = new MarkdownStripper();
    }

    @Override
    public ExtractedText extract(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The file is empty: no text found.");
        }
        if (content.length > limits.maxBytes()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                    "The file is " + content.length + " bytes; at most " + limits.maxBytes() + " bytes are accepted.");
        }
        DocumentFormat format = detector.detect(filename, content);
        ExtractedText extracted;
        try {
            extracted = switch (format) {
                case PDF -> withinLimit(pdfReader.read(content));
                case DOCX -> withinLimit(docxReader.read(content));
                case TXT -> new ExtractedText(withinLimit(textDecoder.decode(content)), format.label(), 1);
                // The limit before the Markdown is parsed, so the parser never sees more than the limit.
                case MD -> new ExtractedText(markdownStripper.strip(withinLimit(textDecoder.decode(content))),
                        format.label(), 1);
            };
        } catch (OutOfMemoryError exhausted) {
            // The reader's allocations are garbage now; the function keeps serving.
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The " + format.label().toUpperCase(Locale.ROOT) + " file needs more memory to read than this "
                            + "function has (it may be built to exhaust it): send its text, or a simpler file.");
        }
        String text = extracted.text().strip();
        if (text.isEmpty()) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The " + format.label().toUpperCase(Locale.ROOT) + " file contains no text: no text found.");
        }
        return new ExtractedText(text, extracted.format(), extracted.pages());
    }

    private ExtractedText withinLimit(ExtractedText extracted) {
        withinLimit(extracted.text());
        return extracted;
    }

    /** {@code text} itself, counted before anything is stripped from it; refused over the character limit. */
    private String withinLimit(String text) {
        if (text.length() > limits.maxCharacters()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE,
                    "The document holds " + text.length() + " characters of text; at most "
                            + limits.maxCharacters() + " are accepted.");
        }
        return text;
    }
}
