package dev.pigeonhole.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<LabeledText> EXAMPLES = List.of(
            new LabeledText("goal", "Sport"), new LabeledText("orbit", "Science"));

    @Test
    void contentSha256HashesLabelTabTextNulPerExampleInOrder() {
        Dataset dataset = new Dataset("a.jsonl", "file-sha", EXAMPLES);

        assertEquals("f38ba5f5ad7144033e26ad2033c5e6f21b1e6d8dfb29cc3df3279bd7a496614c", dataset.contentSha256());
    }

    @Test
    void contentSha256IgnoresTheSourceButNotTheOrderOrTheLabels() {
        String content = new Dataset("a.jsonl", "x", EXAMPLES).contentSha256();

        assertEquals(content, new Dataset("feedback", "y", EXAMPLES).contentSha256());
        assertNotEquals(content, new Dataset("a.jsonl", "x", List.of(EXAMPLES.get(1), EXAMPLES.get(0))).contentSha256());
        assertNotEquals(content, new Dataset("a.jsonl", "x", List.of(
                new LabeledText("goal", "Science"), new LabeledText("orbit", "Science"))).contentSha256());
    }
}
