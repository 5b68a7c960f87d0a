package dev.pigeonhole.model;

import java.util.List;
import java.util.Map;

/** How a text model is made: which features and classifier, with every hyper-parameter, and the training itself. */
public interface TextModelRecipe {

    /** The algorithm's name as recorded in the manifest. */
    String algorithm();

    /** Every choice that shapes the model, as recorded in the manifest. */
    Map<String, String> asMap();

    /** Trains on {@code texts} with label indices {@code y} into {@code labels}; temperature 1. */
    TextModel train(List<String> texts, int[] y, List<String> labels);
}
