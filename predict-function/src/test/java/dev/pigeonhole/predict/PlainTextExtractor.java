package dev.pigeonhole.predict;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pigeonhole.documents.DocumentException;
import dev.pigeonhole.documents.ExtractedText;
import dev.pigeonhole.documents.TextExtractor;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Stands in for the real document extractor until it is in this build: reads .txt and .md as
 * UTF-8, refuses other formats the way the real one does for the contract suite's documents.
 */
@Singleton
@Requires(missingClasses = "dev.pigeonhole.documents.DocumentTextExtractor")
final class PlainTextExtractor implements TextExtractor {

    private final UploadLimits limits;

    PlainTextExtractor(UploadLimits limits) {
        this.limits = limits;
    }

    @Override
    public ExtractedText extract(String filename, byte[] content) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") || name.endsWith(".docx")) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE, filename + " cannot be read as a document");
        }
        if (!name.endsWith(".txt") && !name.endsWith(".md")) {
            throw new DocumentException(DocumentException.Reason.UNSUPPORTED,
                    filename + " is not a PDF, DOCX, TXT or MD file");
        }
        String text = new String(content, UTF_8);
        if (text.length() > limits.maxCharacters()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE, filename + " has more than "
                    + limits.maxCharacters() + " characters of text");
        }
        return new ExtractedText(text, name.endsWith(".md") ? "md" : "txt", 1);
    }
}
