package org.tesseracrm.webhooks.internal.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guard against server-side request forgery: a webhook URL must be http or https, and every address its host
 * resolves to must be public, unless the subscription explicitly allows private addresses. Refused: loopback
 * (127/8, ::1), "this network" and any-local (0/8, ::), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared
 * address space (100.64/10), link-local (169.254/16 with the clouds' metadata service 169.254.169.254, fe80::/10),
 * site-local fec0::/10, multicast and broadcast, and IPv6 forms that embed a refused IPv4 address (IPv4-compatible,
 * NAT64 64:ff9b::/96, 6to4 2002::/16). Every address counts, not only the first: a name with one public and one
 * private address is refused.
 */
final class AddressGuard {
    /** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        /**
         * @param host a name or a literal address
         * @return its addresses
         * @throws UnknownHostException if it has none
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    AddressGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param url the text of a URL
     * @return the URL, or why it is not a webhook URL
     */
    static Result<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Result.refused("Enter the URL to deliver to.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Result.refused("This is not a URL: " + e.getReason() + ".");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Result.refused("Only http and https URLs can receive webhooks.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Result.refused("The URL names no host.");
        }
        if (uri.getRawUserInfo() != null) {
            return Result.refused("The URL must not contain a user name or password; the signature authenticates Tessera.");
        }
        if (uri.getRawFragment() != null) {
            return Result.refused("The URL must not have a #fragment.");
        }
        return Result.ok(uri);
    }

    /**
     * @param uri a URL {@link #parse} accepted
     * @param allowPrivate whether private, loopback and link-local addresses are allowed
     * @return the host's addresses, or why they are refused
     */
    Result<List<InetAddress>> check(URI uri, boolean allowPrivate) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Result.refused("The host " + host + " cannot be resolved.");
        }
        if (addresses.length == 0) {
            return Result.refused("The host " + host + " cannot be resolved.");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Result.refused("The host " + host + " is a private, loopback or link-local address ("
                            + address.getHostAddress() + "): webhooks may not reach the server's own network unless an "
                            + "administrator allows private network addresses for this subscription.");
                }
            }
        }
        return Result.ok(List.of(addresses));
    }

    /**
     * @param address an address
     * @return whether it is not a public unicast address
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 127 || first == 10 || (first == 100 && second >= 64 && second < 128)
                    || (first == 169 && second == 254) || (first == 172 && second >= 16 && second < 32)
                    || (first == 192 && second == 168) || first >= 224;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)
                    || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
                return true; // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 site-local
            }
            if (allZero(b, 0, 12)) {
                return isPrivate(v4(b, 12)); // ::a.b.c.d (IPv4-compatible); ::1 and :: were caught above
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) {
                return isPrivate(v4(b, 12)); // 64:ff9b::/96, NAT64
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPrivate(v4(b, 2)); // 2002::/16, 6to4
            }
        }
        return false;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /**
     * A value or the reason there is none, in words for an administrator.
     *
     * @param value the value, if accepted
     * @param refusal why not, if refused
     * @param <T> the value's type
     */
    record Result<T>(Optional<T> value, Optional<String> refusal) {
        static <T> Result<T> ok(T value) {
            return new Result<>(Optional.of(value), Optional.empty());
        }

        static <T> Result<T> refused(String why) {
            return new Result<>(Optional.empty(), Optional.of(why));
        }
    }
}
