package dev.pigeonhole.feedback.function.api;

import dev.pigeonhole.feedback.FeedbackSubmission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of {@code POST /feedback/batch}: corrections with the fields of {@code POST /feedback}, each judged on its own. */
@Serdeable
public record FeedbackBatchRequest(@Nullable List<FeedbackSubmission> items) {
}
