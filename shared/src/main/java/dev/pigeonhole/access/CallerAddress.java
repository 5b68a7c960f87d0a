package dev.pigeonhole.access;

import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address a request came from: the connection's peer, or, behind {@code hops} proxies that each append the
 * address they received from to {@code X-Forwarded-For}, the entry the outermost trusted proxy appended. Entries to
 * the left of it were written by the client and prove nothing.
 */
public final class CallerAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final int hops;

    public CallerAddress(int hops) {
        this.hops = hops;
    }

    public String of(HttpRequest<?> request) {
        if (hops > 0) {
            List<String> entries = request.getHeaders().getAll(FORWARDED_FOR).stream()
                    .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(entry -> !entry.isEmpty())
                    .toList();
            if (entries.size() >= hops) {
                return entries.get(entries.size() - hops);
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
