package dev.pigeonhole.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address a request came from: the connection's peer, or, behind {@code hops} proxies that each append the
 * address they received from to {@code X-Forwarded-For}, the entry the outermost trusted proxy appended. Entries to
 * the left of it were written by the client and prove nothing. Null when the runtime knows no peer: the AWS and Azure
 * adapters answer the server's own address for it (only {@code X-Forwarded-For}, which API Gateway and the Azure
 * Functions front end append to, names the client there). An IPv6 caller is named by its /64 network: one
 * subscriber usually holds a whole /64 and could otherwise take a new address, and a new rate limit, per request.
 */
public final class CallerAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

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
                return network(withoutPort(entries.get(entries.size() - hops)));
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || Objects.equals(remote, request.getServerAddress())) {
            return null;
        }
        return remote.getAddress() != null ? network(remote.getAddress()) : remote.getHostString();
    }

    /** {@code address} as its /64 network when it is an IPv6 literal, else as it is. */
    static String network(String address) {
        String literal = address.indexOf('%') > 0 ? address.substring(0, address.indexOf('%')) : address;
        if (literal.indexOf(':') < 0 || !IP_LITERAL.matcher(literal).matches()) {
            return address;
        }
        try {
            // Starting with a hex digit or ':' and holding ':', it is parsed as a literal or refused: never looked up.
            return network(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String network(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        return String.format(Locale.ROOT, "%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4),
                group(bytes, 6));
    }

    private static int group(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
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
