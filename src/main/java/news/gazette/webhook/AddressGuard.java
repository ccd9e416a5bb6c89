package news.gazette.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks off the machine's own network (SSRF): an address is refused when any address its host resolves to is
 * loopback, private, link-local, unique-local, carrier-grade NAT, multicast, broadcast or unspecified, IPv4 or IPv6,
 * including IPv4 addresses carried in IPv6 ones. Checked when an endpoint is registered and again before every
 * delivery, since a name can resolve elsewhere later (DNS rebinding); a delivery then connects only to the addresses
 * checked ({@link #pin}, {@link PinnedSender}). Only {@code http} and {@code https}.
 */
public final class AddressGuard {

    /** Resolves names; tests give fixed answers. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = InetAddress::getAllByName;

    private final Resolver resolver;

    AddressGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The URL, checked; {@code allowPrivate} lets private addresses through, for an endpoint an admin marked so. */
    URI check(String url, boolean allowPrivate) throws AddressRefused {
        // An endpoint allowed to be private is not resolved at registration: its name may only resolve inside.
        return allowPrivate ? parse(url) : pin(url, false).uri();
    }

    /**
     * The URL, its host resolved once and every address checked: a delivery connects to these addresses and no
     * others, so the name cannot resolve elsewhere between the check and the connection (DNS rebinding).
     */
    Pinned pin(String url, boolean allowPrivate) throws AddressRefused {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new AddressRefused("webhooks.refused.unknown-host", "Unknown host " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new AddressRefused("webhooks.refused.unknown-host", "No address for " + host);
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && isPrivate(address)) {
                throw new AddressRefused("webhooks.refused.private", host + " resolves to " + address.getHostAddress());
            }
        }
        return new Pinned(uri, host, List.of(addresses));
    }

    private static URI parse(String url) throws AddressRefused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AddressRefused("webhooks.refused.url", "Not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new AddressRefused("webhooks.refused.url", "Not an http(s) URL with a host: " + url);
        }
        return uri;
    }

    /** A checked URL and the addresses its host resolved to when it was checked. */
    record Pinned(URI uri, String host, List<InetAddress> addresses) {
    }

    public static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return isPrivateIpv4(embedded);
            }
            int first = b[0] & 0xff;
            return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()
                    || (first & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return isPrivateIpv4(b);
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96),
     * 6to4 (2002::/16) or Teredo (2001::/32) one.
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (compatible) {
            // ::1 and :: are IPv6 loopback and unspecified, which the IPv4 check refuses too (0.0.0.x).
            return new byte[]{b[12], b[13], b[14], b[15]};
        }
        if (mapped || nat64) {
            return new byte[]{b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            // 6to4 (2002::/16): the relay delivers to the IPv4 address in the next 32 bits.
            return new byte[]{b[2], b[3], b[4], b[5]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo (2001::/32): the client's IPv4 address, inverted, in the last 32 bits.
            return new byte[]{(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
        }
        return null;
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        return a == 0 // "this network", 0.0.0.0
                || a == 10
                || a == 127
                || a == 100 && c >= 64 && c <= 127 // carrier-grade NAT
                || a == 169 && c == 254 // link-local, cloud metadata
                || a == 172 && c >= 16 && c <= 31
                || a == 192 && c == 168
                || a == 192 && c == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || a == 198 && (c == 18 || c == 19) // benchmarking
                || a >= 224; // multicast, reserved, broadcast
    }
}
