package dev.pigeonhole.training.tabular;

import dev.pigeonhole.model.tabular.TabularClassifier;
import java.util.Map;

/** One way of training a classifier of rows of numbers, exported to plain arrays for serving. */
public interface TabularTrainer {

    /** A short name for reports and the manifest, e.g. {@code random-forest}. */
    String algorithm();

    /** The hyper-parameters, for the manifest. */
    Map<String, String> parameters();

    /** Trains on rows {@code x} with class indices {@code y} in {@code [0, classes)}. */
    TabularClassifier fit(double[][] x, int[] y, int classes);
}
