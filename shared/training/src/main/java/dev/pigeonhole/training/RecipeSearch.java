package dev.pigeonhole.training;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.model.TextModelRecipe;

import java.util.Locale;
import java.util.Map;

/** Chooses a recipe's hyper-parameters for a data set on a validation part of its training data only. */
public interface RecipeSearch {

    /** The recipe chosen from {@code base}, trained on nothing but {@code train}. */
    Choice select(TextModelRecipe base, Dataset train);

    /**
     * The recipe chosen, what was chosen in words, and the validation accuracy of every setting tried, keyed as the
     * manifest records them ({@code lambda_0.001}, {@code c_1.0_chars_0.5}).
     */
    record Choice(TextModelRecipe recipe, String chosen, Map<String, Double> validationAccuracy) {

        /** One line for reports: {@code lambda_0.001: 0.9512, ...}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            validationAccuracy.forEach((setting, accuracy) -> s.append(s.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s: %.4f", setting, accuracy)));
            return s.toString();
        }
    }
}
