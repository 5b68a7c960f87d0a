package dev.pigeonhole.text;

import org.apache.commons.text.StringEscapeUtils;

import java.util.Locale;

/** Normalises raw text before tokenisation: HTML entities decoded, lower case. */
public final class TextNormalizer {

    /** Returns the normalised form of {@code text}; the same call serves training and prediction. */
    public String normalize(String text) {
        // Tweets and web copy carry entities such as &quot; and &amp;; decode them so
        // "&amp;" and "&" become the same token. The check avoids the copy for most texts.
        String decoded = text.indexOf('&') >= 0 ? StringEscapeUtils.unescapeHtml4(text) : text;
        return decoded.toLowerCase(Locale.ROOT);
    }
}
