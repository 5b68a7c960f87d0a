package dev.pigeonhole.feedback.function.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Answer of {@code POST /feedback/batch}: one answer per item, in the order sent. */
@Serdeable
public record FeedbackBatchResponse(List<FeedbackBatchAnswer> results) {
}
