package dev.pigeonhole.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

class CallerAddressTest {

    private static MutableHttpRequest<String> request(String... forwardedFor) {
        MutableHttpRequest<String> request = HttpRequest.POST("http://function.example/predict", "{}");
        for (String value : forwardedFor) {
            request.getHeaders().add("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void behindOneProxyTheLastEntryNamesTheClient() {
        assertEquals("203.0.113.7", new CallerAddress(1).of(request("198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", new CallerAddress(1).of(request("198.51.100.1", "203.0.113.7")));
    }

    @Test
    void behindTwoProxiesTheSecondEntryFromTheRightNamesTheClient() {
        assertEquals("198.51.100.1", new CallerAddress(2).of(request("10.0.0.1, 198.51.100.1, 172.16.0.9")));
    }

    @Test
    void portsWrittenByTheProxyAreDropped() {
        assertEquals("203.0.113.7", new CallerAddress(1).of(request("203.0.113.7:50123")));
        assertEquals("2001:db8:0:0::/64", new CallerAddress(1).of(request("[2001:db8::1]:50123")));
        assertEquals("2001:db8:0:0::/64", new CallerAddress(1).of(request("2001:db8::1")));
    }

    @Test
    void everyAddressOfAnIpv6SlashSixtyFourIsOneCaller() {
        CallerAddress addresses = new CallerAddress(1);
        assertEquals("2001:db8:a:b::/64", addresses.of(request("2001:db8:a:b::1")));
        assertEquals("2001:db8:a:b::/64", addresses.of(request("2001:db8:a:b:ffff:1234:5678:9abc")));
        assertEquals("2001:db8:a:c::/64", addresses.of(request("2001:db8:a:c::1")));
        assertEquals("2001:db8:a:b::/64", addresses.of(request("[2001:db8:a:b::7%eth0]:443")));
        // An IPv4 address, or one mapped into IPv6, stays itself; what is no address at all is taken as written.
        assertEquals("203.0.113.7", addresses.of(request("::ffff:203.0.113.7")));
        assertEquals("unknown", addresses.of(request("unknown")));
        assertEquals("fe:zz:1", addresses.of(request("fe:zz:1")));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredAndARuntimeWithoutPeerGivesNoAddress() {
        // A request built outside a server (as the AWS and Azure adapters do) answers the server's address as peer.
        assertNull(new CallerAddress(0).of(request("203.0.113.7")));
    }

    @Test
    void fewerEntriesThanProxiesFallBackToThePeer() {
        assertNull(new CallerAddress(2).of(request("203.0.113.7")));
    }
}
