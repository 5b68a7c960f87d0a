package dev.pigeonhole.model;

import dev.pigeonhole.text.SparseVector;
import smile.classification.DiscreteNaiveBayes;
import smile.util.SparseArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smile's {@link DiscreteNaiveBayes} on TF-IDF weights used as fractional counts, in one of its
 * event models (multinomial, complement, weight-normalised complement...), with additive smoothing.
 */
public final class NaiveBayesTrainer implements ClassifierTrainer {

    private final DiscreteNaiveBayes.Model model;
    private final double smoothing;

    public NaiveBayesTrainer(DiscreteNaiveBayes.Model model, double smoothing) {
        this.model = model;
        this.smoothing = smoothing;
    }

    @Override
    public String algorithm() {
        return "naive-bayes";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", model.name());
        p.put("smoothing", Double.toString(smoothing));
        return p;
    }

    @Override
    public ProbabilisticClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        DiscreteNaiveBayes bayes = new DiscreteNaiveBayes(model, numClasses, dimension, smoothing,
                smile.util.IntSet.of(numClasses));
        SparseArray[] data = x.stream().map(SmileFeatures::weighted).toArray(SparseArray[]::new);
        bayes.update(data, y);
        return new SmileClassifier((v, posteriori) -> bayes.predict(SmileFeatures.weighted(v), posteriori), numClasses);
    }
}
