package dev.pigeonhole.documents;

/** The document formats Pigeonhole reads, named as {@link ExtractedText#format()} reports them. */
public enum DocumentFormat {
    PDF("pdf"),
    DOCX("docx"),
    TXT("txt"),
    MD("md");

    /** What the user is told is accepted whenever a document is refused as unsupported. */
    static final String ACCEPTED = "accepted formats are PDF, DOCX, TXT and MD";

    private final String label;

    DocumentFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
