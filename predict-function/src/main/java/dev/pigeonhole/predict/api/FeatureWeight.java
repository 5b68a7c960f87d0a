package dev.pigeonhole.predict.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One feature that pushed the winning category: a word, two words, or a part of a word ({@code "graph…"}), and how
 * much it added to that category's score.
 */
@Serdeable
public record FeatureWeight(String feature, double contribution) {
}
