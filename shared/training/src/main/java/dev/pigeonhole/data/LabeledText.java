package dev.pigeonhole.data;

/** One example: a text and the label a person gave it. */
public record LabeledText(String text, String label) {
}
