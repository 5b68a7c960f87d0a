package dev.pigeonhole.predict;

import dev.pigeonhole.documents.DocumentLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits on uploaded documents ({@code pigeonhole.upload.*}): bytes, pages and extracted characters, and how
 * documents are read: the deadline for one, how many at once, how many may wait.
 */
@ConfigurationProperties("pigeonhole.upload")
public record UploadLimits(@Bindable(defaultValue = "10485760") long maxBytes,
                           @Bindable(defaultValue = "200") int maxPages,
                           @Bindable(defaultValue = "1000000") int maxCharacters,
                           @Bindable(defaultValue = "10s") Duration parseTimeout,
                           @Bindable(defaultValue = "0") int parseThreads,
                           @Bindable(defaultValue = "32") int parseQueue) {

    /** Room for the multipart envelope (boundaries, part headers) around the largest document. */
    public static final long ENVELOPE_BYTES = 64 * 1024;

    public UploadLimits {
        if (parseTimeout == null || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("pigeonhole.upload.parse-timeout must be positive, not " + parseTimeout);
        }
        if (parseThreads < 0 || parseQueue < 1) {
            throw new IllegalArgumentException("pigeonhole.upload.parse-threads must be 0 (one per processor) or more, and "
                    + "pigeonhole.upload.parse-queue at least 1: " + parseThreads + ", " + parseQueue);
        }
    }

    public DocumentLimits toDocumentLimits() {
        return new DocumentLimits(maxBytes, maxPages, maxCharacters);
    }

    /** The largest request body an upload within the limit can need. */
    public long maxRequestBytes() {
        return maxBytes + ENVELOPE_BYTES;
    }

    /** Documents read at once: {@code parse-threads}, or one per processor when it is 0. */
    public int threads() {
        return parseThreads > 0 ? parseThreads : Runtime.getRuntime().availableProcessors();
    }
}
