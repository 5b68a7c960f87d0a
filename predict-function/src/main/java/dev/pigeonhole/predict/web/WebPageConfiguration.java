package dev.pigeonhole.predict.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;

/**
 * Where the web page sends corrections ({@code pigeonhole.web.*}): {@code feedback-url} when set,
 * otherwise the feedback function on {@code feedback-port} of the host the page was loaded from;
 * {@code demo-api-key}, an API key handed to every visitor of the page, for local or demo use only; and
 * {@code allowed-hosts}, the host names (as the Host header gives them, without the port) the key is handed to.
 */
@ConfigurationProperties("pigeonhole.web")
public record WebPageConfiguration(@Nullable String feedbackUrl, @Bindable(defaultValue = "8081") int feedbackPort,
                                   @Nullable String demoApiKey, @Nullable List<String> allowedHosts) {

    /** Where the key may go when nothing is configured: loopback names only. */
    static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    public WebPageConfiguration {
        allowedHosts = allowedHosts == null ? LOOPBACK_HOSTS
                : allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * True when a page loaded through Host header {@code host} may be given the key: its name (port aside) is on the
     * allow-list. A page from a name that merely resolves to this machine (DNS rebinding) is not.
     */
    public boolean hostAllowed(@Nullable String host) {
        return host != null && !host.isBlank() && allowedHosts.contains(hostName(host).toLowerCase(Locale.ROOT));
    }

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
