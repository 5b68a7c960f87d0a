package dev.pigeonhole.evaluation;

import io.micronaut.serde.annotation.Serdeable;

/** Precision, recall and F1 of one label, with its support (how many samples truly carry it). */
@Serdeable
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
