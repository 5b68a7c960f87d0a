package dev.pigeonhole.text;

/** A fitted transform from raw text to a sparse feature vector, whose features can be named for a reader. */
public interface TextFeatures {

    /** Number of features; indices of {@link #transform} vectors are below it. */
    int dimension();

    /** The feature vector of {@code text}, indices strictly increasing; what the model does not know is ignored. */
    SparseVector transform(String text);

    /**
     * As {@link #transform}, the indices in any order: for scoring, which does not need them sorted (a linear score is
     * a sum), so that features which come unsorted need not pay a sort on every prediction.
     */
    default SparseVector transformForScoring(String text) {
        return transform(text);
    }

    /** Whether the word {@code term} (already normalised) is a known feature (the feedback monitor's vocabulary check). */
    boolean knows(String term);

    /**
     * Names of {@code features} as a reader reads them (a word, two words, or a part of a word), found in
     * {@code text}, which must be the text the features came from; one name per feature, in order.
     */
    String[] names(String text, int[] features);
}
