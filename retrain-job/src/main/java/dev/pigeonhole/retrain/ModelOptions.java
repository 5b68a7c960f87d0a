package dev.pigeonhole.retrain;

import dev.pigeonhole.model.TrainingParameters;
import dev.pigeonhole.training.Progress;
import dev.pigeonhole.training.RegularisationSearch;
import io.micronaut.core.annotation.Nullable;
import picocli.CommandLine.Option;

/** Hyper-parameters of the served model, each defaulting to {@link TrainingParameters#defaults()}. */
final class ModelOptions {

    private static final TrainingParameters DEFAULTS = TrainingParameters.defaults();
    private static final String AUTO = "auto";

    @Option(names = "--lambda", defaultValue = AUTO,
            description = "L2 penalty of the logistic regression, or 'auto' to choose it among "
                    + "1e-3, 1e-2, 0.1, 0.3 and 1 on a validation part of the training data (default: ${DEFAULT-VALUE}).")
    String lambda;

    @Option(names = "--min-df", description = "Minimum document frequency of a term (default: 2).")
    Integer minDocumentFrequency;

    @Option(names = "--max-ngram", description = "Longest word n-gram (default: 2).")
    Integer maxNgram;

    @Option(names = "--max-iterations", description = "L-BFGS iteration limit (default: 200).")
    Integer maxIterations;

    TrainingParameters parameters() {
        return new TrainingParameters(DEFAULTS.ngramMin(),
                maxNgram != null ? maxNgram : DEFAULTS.ngramMax(),
                minDocumentFrequency != null ? minDocumentFrequency : DEFAULTS.minDocumentFrequency(),
                AUTO.equals(lambda) ? DEFAULTS.lambda() : parseLambda(),
                DEFAULTS.tolerance(),
                maxIterations != null ? maxIterations : DEFAULTS.maxIterations());
    }

    /** The penalty search when {@code --lambda auto}, else null. */
    @Nullable
    RegularisationSearch search(long seed, Progress progress) {
        return AUTO.equals(lambda) ? new RegularisationSearch(RegularisationSearch.DEFAULT_GRID, 0.2, seed, progress) : null;
    }

    private double parseLambda() {
        try {
            return Double.parseDouble(lambda);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lambda must be a number or 'auto', got '" + lambda + "'");
        }
    }
}
