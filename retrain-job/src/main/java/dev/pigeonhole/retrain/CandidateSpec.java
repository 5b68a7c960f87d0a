package dev.pigeonhole.retrain;

import dev.pigeonhole.model.ClassifierTrainer;
import dev.pigeonhole.model.BinarySvmTrainer;
import dev.pigeonhole.model.LiblinearTrainer;
import dev.pigeonhole.model.LinearSvmTrainer;
import dev.pigeonhole.model.LogisticRegressionTrainer;
import dev.pigeonhole.model.MaxentTrainer;
import dev.pigeonhole.model.NaiveBayesTrainer;
import dev.pigeonhole.model.NbSvmTrainer;
import smile.classification.DiscreteNaiveBayes;

/**
 * Parses a candidate classifier written as {@code name:parameter[:parameter]}:
 * {@code lr:LAMBDA[:ITERATIONS]}, {@code maxent:LAMBDA[:ITERATIONS]}, {@code nb:MODEL:SMOOTHING}
 * (MODEL one of MULTINOMIAL, CNB, WCNB, TWCNB, BERNOULLI, POLYAURN), {@code svm:C[:EPOCHS]} (linear SVM on TF-IDF), {@code binary-svm:C},
 * and LIBLINEAR's {@code linsvm:C} (squared-hinge SVM, dual coordinate descent, one versus the rest), {@code liblr:C}
 * (logistic regression) and {@code cs:C} (Crammer and Singer's multi-class SVM); {@code nbsvm:C[:ALPHA]}, the same SVM
 * on features weighted by their naive-Bayes log-count ratio (smoothing ALPHA, 1 by default).
 */
final class CandidateSpec {

    private static final double TOLERANCE = 1e-5;

    private CandidateSpec() {
    }

    static ClassifierTrainer parse(String spec) {
        String[] parts = spec.split(":");
        try {
            return switch (parts[0]) {
                case "lr" -> new LogisticRegressionTrainer(Double.parseDouble(parts[1]), TOLERANCE, iterations(parts));
                case "maxent" -> new MaxentTrainer(Double.parseDouble(parts[1]), TOLERANCE, iterations(parts));
                case "nb" -> new NaiveBayesTrainer(DiscreteNaiveBayes.Model.valueOf(parts[1]), Double.parseDouble(parts[2]));
                case "svm" -> new LinearSvmTrainer(Double.parseDouble(parts[1]), 1e-3, parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
                case "binary-svm" -> new BinarySvmTrainer(Double.parseDouble(parts[1]), 1e-3);
                case "linsvm" -> liblinear(LiblinearTrainer.Solver.SVM, parts, 0.1);
                case "liblr" -> liblinear(LiblinearTrainer.Solver.LOGISTIC, parts, 0.01);
                case "cs" -> liblinear(LiblinearTrainer.Solver.CRAMMER_SINGER, parts, 0.1);
                case "nbsvm" -> new NbSvmTrainer(Double.parseDouble(parts[1]),
                        parts.length > 2 ? Double.parseDouble(parts[2]) : 1, 0.1, 1);
                default -> throw new IllegalArgumentException("unknown candidate '" + parts[0] + "'");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read candidate '" + spec
                    + "': expected lr:LAMBDA[:ITERATIONS], maxent:LAMBDA[:ITERATIONS], nb:MODEL:SMOOTHING, svm:C[:EPOCHS], binary-svm:C, linsvm:C[:TOL], liblr:C[:TOL], cs:C[:TOL] or nbsvm:C[:ALPHA]");
        }
    }

    private static LiblinearTrainer liblinear(LiblinearTrainer.Solver solver, String[] parts, double tolerance) {
        return new LiblinearTrainer(solver, Double.parseDouble(parts[1]),
                parts.length > 2 ? Double.parseDouble(parts[2]) : tolerance, 1);
    }

    private static int iterations(String[] parts) {
        return parts.length > 2 ? Integer.parseInt(parts[2]) : 200;
    }
}
