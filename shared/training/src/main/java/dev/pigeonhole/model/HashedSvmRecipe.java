package dev.pigeonhole.model;

import dev.pigeonhole.text.HashedFeatureSpec;
import dev.pigeonhole.text.HashedFeaturesFitter;
import dev.pigeonhole.text.HashedTextFeatures;
import dev.pigeonhole.text.SparseVector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashed word and character n-gram features (TF-IDF, a block per kind) and a linear SVM trained by LIBLINEAR,
 * one versus the rest: the model format 2 serves. {@code c} and the character share are chosen per data set by
 * {@link dev.pigeonhole.training.SvmSearch}.
 */
public record HashedSvmRecipe(HashedFeatureSpec features, int minDocumentFrequency, double c, double tolerance)
        implements TextModelRecipe {

    public static final String ALGORITHM = "linear-svm";

    /** Word 1-2-grams and character 2-5-grams in 2^20 buckets each, min_df 2; C and the share are starting points. */
    public static HashedSvmRecipe defaults() {
        return new HashedSvmRecipe(new HashedFeatureSpec(2, 2, 5, 20, 0.5), 2, 1.0, 0.1);
    }

    public HashedSvmRecipe {
        if (minDocumentFrequency < 1 || !(c > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("min_df must be at least 1, C and the tolerance positive");
        }
    }

    public HashedSvmRecipe with(double newC, double charShare) {
        return new HashedSvmRecipe(features.withCharShare(charShare), minDocumentFrequency, newC, tolerance);
    }

    /** The same recipe with character n-grams taken within {@code tokens}. */
    public HashedSvmRecipe withCharTokens(HashedFeatureSpec.CharTokens tokens) {
        HashedFeatureSpec f = features;
        return new HashedSvmRecipe(new HashedFeatureSpec(f.wordMaxN(), f.charMinN(), f.charMaxN(), f.bits(),
                f.charShare(), tokens), minDocumentFrequency, c, tolerance);
    }

    public LiblinearTrainer trainer() {
        return new LiblinearTrainer(LiblinearTrainer.Solver.SVM, c, tolerance, 1);
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>(features.asMap());
        p.put("min_document_frequency", Integer.toString(minDocumentFrequency));
        p.put("term_frequency", "sublinear");
        p.put("idf", "smooth");
        p.put("norm", "l2 per block");
        p.putAll(trainer().parameters());
        p.put("classes", "one versus the rest");
        return p;
    }

    @Override
    public TextModel train(List<String> texts, int[] y, List<String> labels) {
        HashedTextFeatures fitted = new HashedFeaturesFitter(features, minDocumentFrequency).fit(texts);
        List<SparseVector> x = texts.stream().map(fitted::transform).toList();
        return new TextModel(fitted, trainer().fit(x, y, labels.size(), fitted.dimension()), labels);
    }
}
