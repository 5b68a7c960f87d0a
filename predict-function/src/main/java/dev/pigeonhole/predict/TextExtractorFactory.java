package dev.pigeonhole.predict;

import dev.pigeonhole.documents.DocumentTextExtractor;
import dev.pigeonhole.documents.TextExtractor;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provides the document extractor {@code POST /upload} uses, within the configured upload limits. */
@Factory
final class TextExtractorFactory {

    @Singleton
    TextExtractor textExtractor(UploadLimits limits) {
        return new DocumentTextExtractor(limits.toDocumentLimits());
    }
}
