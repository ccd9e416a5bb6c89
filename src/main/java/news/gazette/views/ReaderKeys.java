package news.gazette.views;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Who a reader is, as far as counting goes: salted hashes, never the address itself.
 * <p>
 * The <em>network</em> is the client's address, or for IPv6 its /64 prefix (one household or one customer of a
 * provider gets a whole /64, so its 2<sup>64</sup> addresses are one network). The <em>reader</em> is the network
 * plus the user agent. Both are SHA-256 digests of a random salt that lives in memory and changes daily, cut to 64
 * bits: nothing stored or kept can be traced back to a person.
 */
final class ReaderKeys {

    private static final Duration SALT_LIFETIME = Duration.ofDays(1);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ReaderKeys::sha256);
    /** What an IPv6 literal may contain; anything else is hashed as it comes. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Salt salt;

    ReaderKeys(Clock clock) {
        this.clock = clock;
        this.salt = newSalt();
    }

    /** The network the address belongs to, hashed. */
    long network(String clientAddress) {
        return hash(prefixOf(clientAddress).getBytes(StandardCharsets.UTF_8), null);
    }

    /** One reader: the network the address belongs to and the user agent, hashed. */
    long reader(String clientAddress, String userAgent) {
        return hash(prefixOf(clientAddress).getBytes(StandardCharsets.UTF_8),
                String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The address as counting sees it: an IPv4 address whole (an IPv4-mapped IPv6 address as its IPv4 address), an
     * IPv6 address as its first 64 bits. Parsed here, so no name is ever resolved; text that is no address is kept as
     * it comes.
     */
    static String prefixOf(String clientAddress) {
        String address = String.valueOf(clientAddress).strip();
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        int[] groups = ipv6Groups(address);
        if (groups == null) {
            return address;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":"
                + Integer.toHexString(groups[2]) + ":" + Integer.toHexString(groups[3]) + "::/64";
    }

    /** The eight 16-bit groups of an IPv6 literal (a dotted IPv4 tail taken as the last two), or null if it is none. */
    static int[] ipv6Groups(String literal) {
        String text = literal;
        int lastColon = text.lastIndexOf(':');
        String tail = text.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            String[] octets = tail.split("\\.", -1);
            if (octets.length != 4) {
                return null;
            }
            int[] v4 = new int[4];
            for (int i = 0; i < 4; i++) {
                if (octets[i].isEmpty() || octets[i].length() > 3 || !octets[i].chars().allMatch(Character::isDigit)) {
                    return null;
                }
                v4[i] = Integer.parseInt(octets[i]);
                if (v4[i] > 255) {
                    return null;
                }
            }
            text = text.substring(0, lastColon + 1) + Integer.toHexString(v4[0] << 8 | v4[1]) + ":"
                    + Integer.toHexString(v4[2] << 8 | v4[3]);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? text.split(":", -1) : parts(text.substring(0, gap));
        String[] rest = gap < 0 ? new String[0] : parts(text.substring(gap + 2));
        if (head == null || rest == null || head.length + rest.length > (gap < 0 ? 8 : 7)
                || (gap < 0 && head.length != 8)) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = group(head[i]);
        }
        for (int i = 0; i < rest.length; i++) {
            groups[8 - rest.length + i] = group(rest[i]);
        }
        for (int value : groups) {
            if (value < 0) {
                return null;
            }
        }
        return groups;
    }

    private static String[] parts(String side) {
        return side.isEmpty() ? new String[0] : side.split(":", -1);
    }

    private static int group(String hex) {
        if (hex.isEmpty() || hex.length() > 4) {
            return -1;
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long hash(byte[] first, byte[] second) {
        // One digest per thread: looking the algorithm up among the security providers on every beacon cost more
        // than hashing. digest() leaves it reset for the next call.
        MessageDigest digest = SHA_256.get();
        digest.update(currentSalt());
        digest.update(first);
        if (second != null) {
            digest.update((byte) 0);
            digest.update(second);
        }
        byte[] hash = digest.digest();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    private byte[] currentSalt() {
        Salt current = salt;
        Instant now = clock.instant();
        if (now.isAfter(current.expires())) {
            synchronized (this) {
                if (salt == current) {
                    salt = newSalt();
                }
                current = salt;
            }
        }
        return current.bytes();
    }

    private Salt newSalt() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Salt(bytes, clock.instant().plus(SALT_LIFETIME));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Salt(byte[] bytes, Instant expires) {
    }
}
