package dev.pigeonhole.feedback;

import io.micronaut.serde.annotation.Serdeable;

/** The content of feedback/counter.json: how many stored feedback records have been counted. */
@Serdeable
record FeedbackCount(long count) {
}
