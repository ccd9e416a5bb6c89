package news.gazette.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed: {@code Gazette-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the
 * endpoint's secret. Receivers recompute it, compare in constant time, and refuse a timestamp more than five minutes
 * away from their clock (a replayed delivery).
 */
public final class Signatures {

    public static final String HEADER = "Gazette-Signature";
    /** How far from the receiver's clock a timestamp may be; documented for receivers in docs/api.md. */
    public static final long TOLERANCE_SECONDS = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new endpoint secret: 32 random bytes, prefixed so it is recognizable in a receiver's configuration. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for a body sent at {@code timestamp}. */
    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    /**
     * What a receiver does: true when the header carries a v1 signature of this body by this secret, made within the
     * tolerance of {@code now}.
     */
    public static boolean verify(String secret, String header, String body, long now) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(now - timestamp) > TOLERANCE_SECONDS) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
