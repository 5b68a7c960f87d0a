package dev.pigeonhole.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TfIdfTest {

    private static final List<String> CORPUS = List.of("apple banana", "apple cherry", "apple apple banana");

    @Test
    void keepsTermsAtTheMinimumDocumentFrequencyInSortedOrder() {
        TfIdfModel model = new TfIdfVectorizer(1, 1, 2).fit(CORPUS);
        assertEquals(2, model.dimension());
        assertEquals("apple", model.term(0));
        assertEquals("banana", model.term(1));
    }

    @Test
    void smoothsIdfLikeScikitLearn() {
        TfIdfModel model = new TfIdfVectorizer(1, 1, 1).fit(CORPUS);
        // n = 3: apple df 3 -> ln(4/4)+1 = 1; banana df 2 -> ln(4/3)+1; cherry df 1 -> ln(4/2)+1
        assertEquals(1.0f, model.idf(0), 1e-6);
        assertEquals((float) (Math.log(4.0 / 3) + 1), model.idf(1), 1e-6);
        assertEquals((float) (Math.log(2) + 1), model.idf(2), 1e-6);
    }

    @Test
    void weightsAreSublinearAndL2Normalised() {
        TfIdfModel model = new TfIdfVectorizer(1, 1, 1).fit(CORPUS);
        SparseVector x = model.transform("apple apple banana unknown");
        double apple = (1 + Math.log(2)) * 1.0;
        double banana = 1 * (Math.log(4.0 / 3) + 1);
        double norm = Math.sqrt(apple * apple + banana * banana);
        assertArrayEquals(new int[] {0, 1}, x.indices());
        assertArrayEquals(new float[] {(float) (apple / norm), (float) (banana / norm)}, x.values(), 1e-6f);
    }

    @Test
    void textWithNoKnownTermGivesAnEmptyVector() {
        TfIdfModel model = new TfIdfVectorizer(1, 2, 1).fit(CORPUS);
        assertEquals(0, model.transform("zebra !!").size());
    }
}
