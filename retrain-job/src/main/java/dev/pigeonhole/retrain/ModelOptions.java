package dev.pigeonhole.retrain;

import dev.pigeonhole.model.TrainingParameters;
import picocli.CommandLine.Option;

/** Hyper-parameters of the served model, each defaulting to {@link TrainingParameters#defaults()}. */
final class ModelOptions {

    private static final TrainingParameters DEFAULTS = TrainingParameters.defaults();

    @Option(names = "--lambda", description = "L2 penalty of the logistic regression (default: 1e-3).")
    Double lambda;

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
                lambda != null ? lambda : DEFAULTS.lambda(),
                DEFAULTS.tolerance(),
                maxIterations != null ? maxIterations : DEFAULTS.maxIterations());
    }
}
