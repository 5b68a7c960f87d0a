package dev.pigeonhole.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by {@link OutOfMemoryTest} in a JVM with a heap too small for one large document: prints what extracting it
 * answered, then what extracting a small one answered.
 */
public final class SmallHeapExtraction {

    private SmallHeapExtraction() {
    }

    public static void main(String[] args) {
        DocumentTextExtractor extractor = new DocumentTextExtractor(new DocumentLimits(20L << 20, 200, 20_000_000));
        byte[] large = new byte[Integer.parseInt(args[0])];
        Arrays.fill(large, (byte) 'a');
        try {
            System.out.println("large: " + extractor.extract("large.txt", large).text().length());
        } catch (DocumentException refused) {
            System.out.println("large: " + refused.reason() + ": " + refused.getMessage());
        }
        large = null;
        System.out.println("small: " + extractor.extract("small.txt", "the team won".getBytes(StandardCharsets.UTF_8)).text());
    }
}
