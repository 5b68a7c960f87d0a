package dev.pigeonhole.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The content of feedback/counter.json: how many stored feedback records have been counted, and a token unique
 * to the write. The token makes every counter write distinct bytes, so that a store which resends a conditional
 * write whose answer was lost can tell its own write from a rival's by content. Counters written before it read
 * with a null writer.
 */
@Serdeable
record FeedbackCount(long count, @Nullable String writer) {
}
