package news.gazette.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import news.gazette.platform.database.ClusterSecrets;
import org.springframework.stereotype.Component;

/**
 * The cluster's VAPID key pair (RFC 8292), made by the first node that needs it and kept in {@code cluster_secrets}
 * as {@code <private scalar>.<public point>} (base64url), so every node signs with the same key and subscriptions
 * survive restarts. Signs the {@code Authorization: vapid t=…, k=…} header per push service origin; a token is valid
 * 12 hours and reused until an hour before it ends.
 */
@Component
public class VapidKeys {

    static final String SECRET_NAME = "push-vapid-p256";
    private static final Duration VALID = Duration.ofHours(12);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);

    private record Token(String header, Instant expires) {
    }

    private final ECPrivateKey privateKey;
    private final byte[] publicPoint;
    private final String subject;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    VapidKeys(ClusterSecrets secrets, PushProperties properties, Clock clock) throws GeneralSecurityException {
        String stored = secrets.value(SECRET_NAME, VapidKeys::fresh);
        int dot = stored.indexOf('.');
        this.privateKey = EcKeys.privateKey(EcKeys.fromBase64Url(stored.substring(0, dot)));
        this.publicPoint = EcKeys.fromBase64Url(stored.substring(dot + 1));
        this.subject = properties.subject();
        this.clock = clock;
    }

    private static String fresh() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(EcKeys.P256);
            KeyPair pair = generator.generateKeyPair();
            byte[] scalar = EcKeys.fixed(((ECPrivateKey) pair.getPrivate()).getS(), 32);
            return EcKeys.base64Url(scalar) + "." + EcKeys.base64Url(EcKeys.uncompressed((ECPublicKey) pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as the browser's {@code applicationServerKey} takes it: the uncompressed point, base64url. */
    public String publicKey() {
        return EcKeys.base64Url(publicPoint);
    }

    /** The {@code Authorization} header for a request to this endpoint's push service. */
    String authorization(URI endpoint) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        Instant now = clock.instant();
        Token token = tokens.get(audience);
        if (token == null || token.expires().minus(RENEW_BEFORE).isBefore(now)) {
            Instant expires = now.plus(VALID);
            token = new Token("vapid t=" + sign(audience, expires) + ", k=" + publicKey(), expires);
            tokens.put(audience, token);
        }
        return token.header();
    }

    private String sign(String audience, Instant expires) {
        String header = EcKeys.base64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = EcKeys.base64Url(("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"" + json(subject) + "\"}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims;
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(privateKey);
            es256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + EcKeys.base64Url(es256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
