package dev.pigeonhole.model;

/** One feature of a text as a reader reads it, and how much it added to a class's score (before the temperature). */
public record FeatureContribution(String feature, double contribution) {
}
