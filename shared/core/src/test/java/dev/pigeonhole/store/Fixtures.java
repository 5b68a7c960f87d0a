package dev.pigeonhole.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;

/** Drafts and files shared by the version and channel tests. */
final class Fixtures {

    private Fixtures() {
    }

    static ManifestDraft draft(String parent) {
        return new ManifestDraft(parent, "sparse-logistic-regression",
                Map.of("lambda", "0.1", "max_features", "50000"),
                Map.of("smile", "3.1.1", "pigeonhole", "0.1.0-SNAPSHOT", "java", "17"),
                List.of("sport", "politics", "tech"),
                List.of(new DataSource("20news", "ab".repeat(32), 300, Map.of("sport", 100L, "politics", 100L, "tech", 100L))),
                Map.of("accuracy", 0.91, "macro_f1", 0.9));
    }

    static Map<String, byte[]> files(String seed) {
        return Map.of("model.bin", ("weights " + seed).getBytes(UTF_8),
                "report.html", ("<p>report " + seed + "</p>").getBytes(UTF_8));
    }

    static String publish(ArtifactStore store, String seed) {
        return new VersionPublisher(store).publish(draft(null), files(seed)).version();
    }
}
