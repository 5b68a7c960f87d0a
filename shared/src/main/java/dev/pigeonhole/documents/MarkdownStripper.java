package dev.pigeonhole.documents;

import java.util.regex.Pattern;

/** Removes the Markdown markup that would otherwise become features (fence markers, URLs, #'s, emphasis). */
final class MarkdownStripper {

    private static final Pattern FENCE_LINE = Pattern.compile("(?m)^[ \\t]{0,3}(```|~~~).*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
    private static final Pattern BULLET = Pattern.compile("(?m)^([ \\t]*)[-*+][ \\t]+");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|mailto):[^>\\s]*>");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    // Not inside words, so snake_case_names and 2*3*4 keep their characters.
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*_])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*_])");

    String strip(String markdown) {
        String text = FENCE_LINE.matcher(markdown).replaceAll("");
        text = HEADING.matcher(text).replaceAll("$1");
        text = BLOCKQUOTE.matcher(text).replaceAll("");
        text = BULLET.matcher(text).replaceAll("$1");
        text = IMAGE_OR_LINK.matcher(text).replaceAll("$1");
        text = AUTOLINK.matcher(text).replaceAll("");
        text = INLINE_CODE.matcher(text).replaceAll("$1");
        text = STRONG.matcher(text).replaceAll("$2");
        text = STRIKE.matcher(text).replaceAll("$1");
        return EMPHASIS.matcher(text).replaceAll("$2");
    }
}
