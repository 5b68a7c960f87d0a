package dev.pigeonhole.documents;

/**
 * Run by {@link HostilePdfTest} in a JVM with a small heap: reads, one after the other, PDFs that each name 250,000
 * distinct marked-content tags, and prints what each gave (a reader that kept the names of every PDF it read exhausts
 * the heap by the second); then a PDF of 60,000 pages, of which a reader takes the first 200, and prints how many
 * pages of text it gave (a reader that reads every page object first exhausts the heap).
 */
public final class SmallHeapPdf {

    static final int DOCUMENTS = 3;
    static final int PAGES = 60_000;

    private SmallHeapPdf() {
    }

    public static void main(String[] args) {
        DocumentTextExtractor extractor = new DocumentTextExtractor(new DocumentLimits(10L << 20, 200, 1_000_000));
        for (int document = 0; document < DOCUMENTS; document++) {
            StringBuilder content = new StringBuilder();
            for (int tag = 0; tag < 250_000; tag++) {
                content.append("/d").append(document).append('t').append(tag).append(" BMC EMC\n");
            }
            byte[] pdf = HostilePdf.pdf(content.toString(), "");
            System.out.println("names " + document + ": " + extractor.extract("names.pdf", pdf).text());
        }
        String pages = extractor.extract("pages.pdf", HostilePdf.pdfWithPages(PAGES)).text();
        System.out.println("pages: " + pages.lines().filter(line -> line.equals("Quarterly report")).count());
    }
}
