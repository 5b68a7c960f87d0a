package dev.pigeonhole.monitoring;

/** How worrying a monitoring check is. */
public enum Verdict {
    OK("ok"), WARNING("warning"), ALERT("alert");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
