package dev.pigeonhole.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The address a request came from: the connection's peer, or, behind {@code hops} proxies that each append the
 * address they received from to {@code X-Forwarded-For}, the entry the outermost trusted proxy appended. Entries to
 * the left of it were written by the client and prove nothing. Null when the runtime knows no peer: the AWS and Azure
 * adapters answer the server's own address for it (only {@code X-Forwarded-For}, which API Gateway and the Azure
 * Functions front end append to, names the client there).
 */
public final class CallerAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final int hops;

    public CallerAddress(int hops) {
        this.hops = hops;
    }

    @Nullable
    public String of(HttpRequest<?> request) {
        if (hops > 0) {
            List<String> entries = new ArrayList<>();
            for (String value : request.getHeaders().getAll(FORWARDED_FOR)) {
                for (String entry : value.split(",")) {
                    if (!entry.isBlank()) {
                        entries.add(entry.strip());
                    }
                }
            }
            if (entries.size() >= hops) {
                return withoutPort(entries.get(entries.size() - hops));
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || Objects.equals(remote, request.getServerAddress())) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    // Azure's front end writes "address:port"; the port changes with every connection of the same client.
    static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }
}
