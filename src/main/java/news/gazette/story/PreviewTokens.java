package news.gazette.story;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import news.gazette.platform.database.ClusterSecrets;
import org.springframework.stereotype.Component;

/**
 * Shareable preview links: the story id and an expiry time, signed with HMAC-SHA256, so a link works without
 * signing in until it expires and cannot be altered to show another story. The key is {@code gazette.preview.secret}
 * when configured; otherwise the first node to need one generates it and keeps it in the database
 * ({@code cluster_secrets}), so links work on every node and after a restart.
 */
@Component
public class PreviewTokens {

    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private static final String SECRET_NAME = "preview-links";

    private final ClusterSecrets secrets;
    private final Duration lifetime;
    private final Clock clock;
    private volatile byte[] secret;

    PreviewTokens(@Value("${gazette.preview.secret:}") String secret,
                  @Value("${gazette.preview.lifetime:48h}") Duration lifetime, Clock clock, ClusterSecrets secrets) {
        this.secret = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The configured key, or the cluster's stored one, made by whichever node asks first. */
    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            known = secrets.key(SECRET_NAME);
            secret = known;
        }
        return known;
    }

    /** The public path of a preview of the story, valid for the configured lifetime from now. */
    public String path(long storyId) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return "/preview/" + storyId + "." + expires + "." + sign(storyId + "." + expires);
    }

    /** The story a token is for, when it is genuine and has not expired. */
    public OptionalLong storyOf(String token) {
        Matcher m = TOKEN.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        String expected = sign(m.group(1) + "." + m.group(2));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), m.group(3).getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(m.group(2)) < clock.instant().getEpochSecond()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
