package dev.pigeonhole.feedback.function;

import java.util.Map;

/** A row of features as one line of JSON, {@code {"name":1.5,...}}: the {@code features} dimension of a trace. */
final class FeatureJson {

    private FeatureJson() {
    }

    static String of(Map<String, Double> features) {
        StringBuilder out = new StringBuilder("{");
        features.forEach((name, value) -> {
            out.append(out.length() > 1 ? "," : "").append('"');
            for (char c : name.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append("\":").append(value);
        });
        return out.append('}').toString();
    }
}
