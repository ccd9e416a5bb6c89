package news.gazette.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed (ADR 0035). bcrypt reads at most 72 bytes of a password, and Spring's encoder refuses
 * more: 37 Cyrillic or Armenian letters. So a new hash is bcrypt of a fixed-length digest of the password,
 * HMAC-SHA-256 under a fixed domain key, Base64-encoded (44 ASCII characters, never a zero byte), recorded under the
 * id {@value #CURRENT}. Hashes made before, {@code {bcrypt}…}, are still checked and are replaced by the current kind
 * at the account's next sign-in.
 */
final class PasswordHashing {

    static final String CURRENT = "bcrypt-hmac-sha256";
    private static final String LEGACY = "bcrypt";
    /** Not a secret: it only keeps these digests apart from plain SHA-256 digests of passwords leaked elsewhere. */
    private static final byte[] DOMAIN = "gazette password v1".getBytes(StandardCharsets.US_ASCII);
    private static final int BCRYPT_LIMIT = 72;

    private PasswordHashing() {
    }

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(CURRENT,
                Map.of(CURRENT, new Prehashed(bcrypt), LEGACY, new Legacy(bcrypt)));
        return delegating;
    }

    /** The password as bcrypt gets it: 44 characters whatever its length. */
    static String digest(CharSequence raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DOMAIN, "HmacSHA256"));
            byte[] sum = mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    private record Prehashed(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(digest(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && bcrypt.matches(digest(raw), encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return bcrypt.upgradeEncoding(encoded);
        }
    }

    /** Hashes of the raw password (every one made before 0035): checked only, never made any more. */
    private record Legacy(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("New hashes are " + CURRENT);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            // Longer passwords could never be hashed this way, so they match no such hash (bcrypt would throw).
            return raw != null && raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_LIMIT
                    && bcrypt.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return true;
        }
    }
}
