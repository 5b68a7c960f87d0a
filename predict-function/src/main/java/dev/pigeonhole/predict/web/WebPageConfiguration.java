package dev.pigeonhole.predict.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the web page sends corrections ({@code pigeonhole.web.*}): {@code feedback-url} when set,
 * otherwise the feedback function on {@code feedback-port} of the host the page was loaded from; and
 * {@code demo-api-key}, an API key handed to every visitor of the page, for local or demo use only.
 */
@ConfigurationProperties("pigeonhole.web")
public record WebPageConfiguration(@Nullable String feedbackUrl, @Bindable(defaultValue = "8081") int feedbackPort,
                                   @Nullable String demoApiKey) {

    /** The key the page sends, or null when none is handed out (blank counts as none). */
    @Nullable
    public String pageApiKey() {
        return demoApiKey == null || demoApiKey.isBlank() ? null : demoApiKey.strip();
    }

    /** The feedback URL for a page loaded from {@code host} (a Host header: name or address, maybe a port). */
    public String feedbackUrlFor(String scheme, @Nullable String host) {
        if (feedbackUrl != null && !feedbackUrl.isBlank()) {
            return feedbackUrl.strip();
        }
        return scheme + "://" + hostName(host) + ":" + feedbackPort + "/feedback";
    }

    private static String hostName(@Nullable String host) {
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        String value = host.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? "localhost" : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
