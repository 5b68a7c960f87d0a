package dev.pigeonhole.model.tabular;

import dev.pigeonhole.model.Classification;
import java.util.List;

/** A classified row: a probability per label, and the features whose value lay outside their training range. */
public record TabularClassification(Classification classification, List<String> outOfRange) {

    public TabularClassification {
        outOfRange = List.copyOf(outOfRange);
    }
}
