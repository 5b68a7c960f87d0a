package dev.pigeonhole.retrain;

import dev.pigeonhole.model.HashedSvmRecipe;
import dev.pigeonhole.model.TextModelRecipe;
import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.text.HashedFeatureSpec;
import dev.pigeonhole.training.Progress;
import dev.pigeonhole.training.RecipeSearch;
import dev.pigeonhole.training.RegularisationSearch;
import dev.pigeonhole.training.SvmSearch;
import io.micronaut.core.annotation.Nullable;
import picocli.CommandLine.Option;

/**
 * The served model's recipe: {@code --model svm} (the default: hashed word and character n-grams, linear SVM, model
 * format 2) or {@code --model lr} (the word vocabulary and logistic regression of format 1), each hyper-parameter
 * defaulting to the recipe's defaults, the penalty chosen on validation data unless given.
 */
final class ModelOptions {

    private static final TrainingParameters LR_DEFAULTS = TrainingParameters.defaults();
    private static final HashedSvmRecipe SVM_DEFAULTS = HashedSvmRecipe.defaults();
    private static final String AUTO = "auto";

    @Option(names = "--model", defaultValue = "svm",
            description = "svm: hashed word 1-2-grams and character 2-5-grams, linear SVM (LIBLINEAR), model format 2; "
                    + "lr: word vocabulary and logistic regression (Smile), model format 1 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--lambda", defaultValue = AUTO,
            description = "L2 penalty of the logistic regression (--model lr), or 'auto' to choose it among "
                    + "1e-3, 1e-2, 0.1, 0.3 and 1 on a validation part of the training data (default: ${DEFAULT-VALUE}).")
    String lambda;

    @Option(names = "--c", defaultValue = AUTO,
            description = "C of the SVM (--model svm), or 'auto' to choose it among 0.3, 1 and 3 together with the "
                    + "character block's share among 0.3 and 0.6 on a validation part of the training data, then "
                    + "whether character n-grams are taken within white-space tokens (punctuation included) "
                    + "(default: ${DEFAULT-VALUE}).")
    String c;

    @Option(names = "--min-df", description = "Minimum document frequency of a term (default: 2).")
    Integer minDocumentFrequency;

    @Option(names = "--max-ngram", description = "Longest word n-gram (default: 2).")
    Integer maxNgram;

    @Option(names = "--max-iterations", description = "L-BFGS iteration limit of the logistic regression (default: 200).")
    Integer maxIterations;

    TextModelRecipe parameters() {
        if (svm()) {
            HashedFeatureSpec features = SVM_DEFAULTS.features();
            return new HashedSvmRecipe(new HashedFeatureSpec(maxNgram != null ? maxNgram : features.wordMaxN(),
                    features.charMinN(), features.charMaxN(), features.bits(), features.charShare(), features.charTokens()),
                    minDocumentFrequency != null ? minDocumentFrequency : SVM_DEFAULTS.minDocumentFrequency(),
                    AUTO.equals(c) ? SVM_DEFAULTS.c() : number("--c", c), SVM_DEFAULTS.tolerance());
        }
        return new TrainingParameters(LR_DEFAULTS.ngramMin(),
                maxNgram != null ? maxNgram : LR_DEFAULTS.ngramMax(),
                minDocumentFrequency != null ? minDocumentFrequency : LR_DEFAULTS.minDocumentFrequency(),
                AUTO.equals(lambda) ? LR_DEFAULTS.lambda() : number("--lambda", lambda),
                LR_DEFAULTS.tolerance(),
                maxIterations != null ? maxIterations : LR_DEFAULTS.maxIterations());
    }

    /** The hyper-parameter search when the penalty is 'auto', else null. */
    @Nullable
    RecipeSearch search(long seed, Progress progress) {
        if (svm()) {
            return AUTO.equals(c) ? SvmSearch.defaults(seed, progress) : null;
        }
        return AUTO.equals(lambda) ? new RegularisationSearch(RegularisationSearch.DEFAULT_GRID, 0.2, seed, progress) : null;
    }

    private boolean svm() {
        return switch (model) {
            case "svm" -> true;
            case "lr" -> false;
            default -> throw new IllegalArgumentException("--model must be svm or lr, got '" + model + "'");
        };
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number or 'auto', got '" + value + "'");
        }
    }
}
