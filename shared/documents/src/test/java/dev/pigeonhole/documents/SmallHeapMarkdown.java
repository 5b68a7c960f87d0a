package dev.pigeonhole.documents;

/**
 * Run by {@link MarkdownStripperTest} in a JVM with a small heap: strips a million characters of each kind of
 * {@link HostileMarkdown} and prints how many characters of text each gave. An exhausted heap ends it with an error.
 */
public final class SmallHeapMarkdown {

    private SmallHeapMarkdown() {
    }

    public static void main(String[] args) {
        MarkdownStripper stripper = new MarkdownStripper();
        HostileMarkdown.UNITS.forEach((name, unit) ->
                System.out.println(name + ": " + stripper.strip(HostileMarkdown.of(unit, 1_000_000)).length()));
    }
}
