package org.tesseracrm.webhooks.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Names resolved from a table, like a DNS server would answer; literals as themselves. */
    private final AddressGuard guard = new AddressGuard(host -> {
        Map<String, InetAddress[]> dns = Map.of(
                "hooks.example.com", new InetAddress[] {ip("93.184.215.14")},
                "internal.example.com", new InetAddress[] {ip("10.1.2.3")},
                "mixed.example.com", new InetAddress[] {ip("93.184.215.14"), ip("192.168.1.20")},
                "metadata.example.com", new InetAddress[] {ip("169.254.169.254")});
        if (dns.containsKey(host)) {
            return dns.get(host);
        }
        if (host.matches("[0-9.]+|.*:.*")) {
            return new InetAddress[] {ip(host)};
        }
        throw new UnknownHostException(host);
    });

    @Test
    void refusesLoopbackPrivateLinkLocalAndOtherNonPublicIpv4() {
        for (String address : new String[] {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255"}) {
            assertTrue(AddressGuard.isPrivate(ip(address)), address);
        }
        for (String address : new String[] {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.128.0.1", "192.169.0.1"}) {
            assertFalse(AddressGuard.isPrivate(ip(address)), address);
        }
    }

    @Test
    void refusesNonPublicIpv6IncludingEmbeddedIpv4() {
        for (String address : new String[] {"::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1"}) {
            assertTrue(AddressGuard.isPrivate(ip(address)), address);
        }
        for (String address : new String[] {"2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888", "::ffff:8.8.8.8",
                "2002:0808:0808::1"}) {
            assertFalse(AddressGuard.isPrivate(ip(address)), address);
        }
    }

    @Test
    void checksEveryAddressANameResolvesTo() {
        assertTrue(guard.check(URI.create("https://hooks.example.com/in"), false).value().isPresent());
        assertTrue(guard.check(URI.create("https://internal.example.com/in"), false).refusal().get().contains("10.1.2.3"));
        assertTrue(guard.check(URI.create("https://mixed.example.com/in"), false).refusal().get().contains("192.168.1.20"));
        assertTrue(guard.check(URI.create("http://metadata.example.com/latest"), false).refusal().isPresent());
        assertTrue(guard.check(URI.create("http://[::1]:8080/in"), false).refusal().isPresent());
        assertTrue(guard.check(URI.create("http://127.0.0.1:8080/in"), false).refusal().isPresent());
        assertTrue(guard.check(URI.create("https://nowhere.example.com/"), false).refusal().get().contains("cannot be resolved"));
    }

    @Test
    void allowsPrivateAddressesOnlyWhenTheSubscriptionSaysSo() {
        assertEquals(1, guard.check(URI.create("http://127.0.0.1:8080/in"), true).value().get().size());
        assertTrue(guard.check(URI.create("https://internal.example.com/in"), true).value().isPresent());
    }

    @Test
    void acceptsOnlyHttpAndHttpsUrlsWithAHost() {
        assertTrue(AddressGuard.parse("https://hooks.example.com/in?x=1").value().isPresent());
        assertTrue(AddressGuard.parse("HTTP://hooks.example.com/").value().isPresent());
        for (String url : new String[] {"", "ftp://hooks.example.com/", "file:///etc/passwd", "gopher://x/", "hooks.example.com/in",
                "https:///nohost", "https://user:pw@hooks.example.com/", "https://hooks.example.com/#x", "http://exa mple.com/"}) {
            assertTrue(AddressGuard.parse(url).refusal().isPresent(), url);
        }
    }
}
