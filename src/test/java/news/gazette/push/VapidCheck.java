package news.gazette.push;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Checks an {@code Authorization: vapid t=…, k=…} header as a push service does (RFC 8292): a JWT signed ES256 by
 * the key in {@code k}, for this service's origin, ending within 24 hours. BouncyCastle's ECDSA, not the JDK's.
 */
final class VapidCheck {

    private static final Pattern HEADER = Pattern.compile("vapid t=([A-Za-z0-9_.-]+), *k=([A-Za-z0-9_-]+)");
    private static final Pattern AUD = Pattern.compile("\"aud\":\"([^\"]+)\"");
    private static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");
    private static final Pattern SUB = Pattern.compile("\"sub\":\"(mailto:|https:)[^\"]+\"");

    private VapidCheck() {
    }

    /** The public key (base64url) that signed, or an exception saying what is wrong. */
    static String check(String authorization, String origin, Instant now) {
        return check(authorization, origin, now, null);
    }

    /**
     * As {@link #check(String, String, Instant)}; the ECDSA arithmetic is skipped for a token and key whose signature
     * {@code verified} already holds (the same bytes were verified before, as a push service remembers a sender's
     * token for its lifetime). Every claim — audience, expiry, subject — is still read from each header.
     */
    static String check(String authorization, String origin, Instant now, java.util.Set<String> verified) {
        if (authorization == null) {
            throw new IllegalArgumentException("No Authorization");
        }
        Matcher header = HEADER.matcher(authorization);
        if (!header.matches()) {
            throw new IllegalArgumentException("Not a vapid authorization: " + authorization);
        }
        String[] jwt = header.group(1).split("\\.");
        if (jwt.length != 3) {
            throw new IllegalArgumentException("Not a JWT");
        }
        String head = new String(decode(jwt[0]), StandardCharsets.UTF_8);
        String claims = new String(decode(jwt[1]), StandardCharsets.UTF_8);
        if (!head.contains("\"alg\":\"ES256\"")) {
            throw new IllegalArgumentException("Not ES256: " + head);
        }
        Matcher aud = AUD.matcher(claims);
        Matcher exp = EXP.matcher(claims);
        if (!aud.find() || !aud.group(1).equals(origin)) {
            throw new IllegalArgumentException("aud is not " + origin + ": " + claims);
        }
        if (!exp.find()) {
            throw new IllegalArgumentException("No exp");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
        if (!expires.isAfter(now) || expires.isAfter(now.plus(Duration.ofHours(24)))) {
            throw new IllegalArgumentException("exp not within 24 hours: " + expires);
        }
        if (!SUB.matcher(claims).find()) {
            throw new IllegalArgumentException("No mailto: or https: sub");
        }
        if (verified != null && verified.contains(header.group(0))) {
            return header.group(2);
        }
        byte[] key = decode(header.group(2));
        byte[] signature = decode(jwt[2]);
        if (signature.length != 64) {
            throw new IllegalArgumentException("ES256 signature must be 64 bytes, was " + signature.length);
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(BrowserKeys.CURVE.getCurve().decodePoint(key), BrowserKeys.DOMAIN));
        SHA256Digest digest = new SHA256Digest();
        byte[] signed = (jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII);
        digest.update(signed, 0, signed.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        if (!verifier.verifySignature(hash, new BigInteger(1, Arrays.copyOf(signature, 32)),
                new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)))) {
            throw new IllegalArgumentException("Bad ES256 signature");
        }
        if (verified != null) {
            verified.add(header.group(0));
        }
        return header.group(2);
    }

    private static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
