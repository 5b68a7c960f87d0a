package dev.pigeonhole.model.tabular;

import java.util.List;

/** A row of features a tabular model cannot classify; the message names every feature that is wrong and why. */
public class InvalidFeaturesException extends RuntimeException {

    private final List<String> problems;

    public InvalidFeaturesException(String where, List<String> problems, List<String> expected) {
        super(where + ": " + String.join("; ", problems) + ". This model expects every one of these features as a "
                + "finite number: " + String.join(", ", expected));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
