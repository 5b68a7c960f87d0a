package dev.pigeonhole.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** L2 penalty and stopping rule of the L-BFGS-trained logistic models (logistic regression, Maxent). */
public record LbfgsSettings(double lambda, double tolerance, int maxIterations) {

    public LbfgsSettings {
        if (!(lambda >= 0) || !(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("lambda >= 0, tolerance > 0 and max iterations >= 1 are required");
        }
    }

    /** As recorded in a manifest. */
    public Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lambda", Double.toString(lambda));
        p.put("tolerance", Double.toString(tolerance));
        p.put("max_iterations", Integer.toString(maxIterations));
        return p;
    }
}
