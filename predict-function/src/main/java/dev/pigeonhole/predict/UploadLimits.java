package dev.pigeonhole.predict;

import dev.pigeonhole.documents.DocumentLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Limits on uploaded documents ({@code pigeonhole.upload.*}): bytes, pages and extracted characters. */
@ConfigurationProperties("pigeonhole.upload")
public record UploadLimits(@Bindable(defaultValue = "10485760") long maxBytes,
                           @Bindable(defaultValue = "200") int maxPages,
                           @Bindable(defaultValue = "1000000") int maxCharacters) {

    public DocumentLimits toDocumentLimits() {
        return new DocumentLimits(maxBytes, maxPages, maxCharacters);
    }
}
