package dev.pigeonhole.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.pigeonhole.text.SparseVector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Linear classifiers trained with LIBLINEAR's Java port: the L2-regularised squared-hinge SVM by dual coordinate
 * descent, one versus the rest (what scikit-learn's LinearSVC runs), L2-regularised logistic regression, or
 * Crammer and Singer's multi-class SVM. The intercept is a constant feature (regularised, as in LinearSVC). The
 * result is exported as one weight row per class: an SVM's scores are margins, turned into probabilities by the
 * softmax at a temperature fitted later on held-out data.
 */
public final class LiblinearTrainer implements ClassifierTrainer {

    public static final String ALGORITHM = "liblinear";

    static {
        Linear.disableDebugOutput();
    }

    /** The LIBLINEAR solvers Pigeonhole offers, by their short names. */
    public enum Solver {
        SVM(SolverType.L2R_L2LOSS_SVC_DUAL, "linear-svm"),
        LOGISTIC(SolverType.L2R_LR, "logistic-regression"),
        CRAMMER_SINGER(SolverType.MCSVM_CS, "crammer-singer-svm");

        private final SolverType type;
        private final String label;

        Solver(SolverType type, String label) {
            this.type = type;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Solver solver;
    private final double c;
    private final double tolerance;
    private final long seed;

    public LiblinearTrainer(Solver solver, double c, double tolerance, long seed) {
        if (!(c > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("C and the tolerance must be positive");
        }
        this.solver = solver;
        this.c = c;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    /** The squared-hinge SVM with LIBLINEAR's default tolerance (0.1, as LinearSVC's 1e-4 on its own scale). */
    public static LiblinearTrainer svm(double c) {
        return new LiblinearTrainer(Solver.SVM, c, 0.1, 1);
    }

    public Solver solver() {
        return solver;
    }

    public double c() {
        return c;
    }

    /** The same trainer with another C. */
    public LiblinearTrainer withC(double newC) {
        return new LiblinearTrainer(solver, newC, tolerance, seed);
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("solver", solver.type.name());
        p.put("c", String.format(Locale.ROOT, "%s", c));
        p.put("tolerance", Double.toString(tolerance));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public String describe() {
        return solver.label + "(C=" + c + ")";
    }

    @Override
    public LinearSoftmaxClassifier fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
        Problem problem = problem(x, y, dimension);
        Parameter parameter = new Parameter(solver.type, c, tolerance);
        parameter.setRandom(new Random(seed));
        Model model = Linear.train(problem, parameter);
        return export(model, numClasses, dimension);
    }

    /** LIBLINEAR's input: 1-based feature indices, the intercept as the constant feature {@code dimension + 1}. */
    static Problem problem(List<SparseVector> x, int[] y, int dimension) {
        return problem(x, y, dimension, null);
    }

    /** As {@link #problem(List, int[], int)}, each feature's value multiplied by its {@code scale} when one is given. */
    static Problem problem(List<SparseVector> x, int[] y, int dimension, float[] scale) {
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = dimension + 1;
        problem.bias = 1;
        problem.x = new Feature[x.size()][];
        problem.y = new double[x.size()];
        for (int i = 0; i < x.size(); i++) {
            int[] indices = x.get(i).indices();
            float[] values = x.get(i).values();
            Feature[] row = new Feature[indices.length + 1];
            for (int j = 0; j < indices.length; j++) {
                row[j] = new FeatureNode(indices[j] + 1, scale == null ? values[j] : values[j] * scale[indices[j]]);
            }
            row[indices.length] = new FeatureNode(dimension + 1, 1);
            problem.x[i] = row;
            problem.y[i] = y[i];
        }
        return problem;
    }

    // LIBLINEAR orders classes as they first appear; a class absent from the training data scores far below.
    private static LinearSoftmaxClassifier export(Model model, int numClasses, int dimension) {
        float[][] weights = new float[numClasses][dimension];
        float[] bias = new float[numClasses];
        java.util.Arrays.fill(bias, -1e3f);
        int[] labels = model.getLabels();
        for (int l = 0; l < labels.length; l++) {
            float[] row = weights[labels[l]];
            for (int j = 0; j < dimension; j++) {
                row[j] = (float) model.getDecfunCoef(j + 1, l);
            }
            bias[labels[l]] = (float) model.getDecfunBias(l);
        }
        return new LinearSoftmaxClassifier(weights, bias, 1.0);
    }
}
